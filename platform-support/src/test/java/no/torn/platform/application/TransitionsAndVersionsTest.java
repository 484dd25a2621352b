package no.torn.platform.application;

import no.torn.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransitionsAndVersionsTest {

    enum Door implements Lifecycle<Door> {
        OPEN, CLOSED, LOCKED, DEMOLISHED;

        @Override
        public Set<Door> next() {
            return switch (this) {
                case OPEN -> EnumSet.of(CLOSED, DEMOLISHED);
                case CLOSED -> EnumSet.of(OPEN, LOCKED, DEMOLISHED);
                case LOCKED -> EnumSet.of(CLOSED, DEMOLISHED);
                case DEMOLISHED -> EnumSet.noneOf(Door.class);
            };
        }
    }

    private static int status(Throwable e) {
        return ((ProblemException) e).problem().status();
    }

    @Test
    void declaredTransitionsPass() {
        assertThat(Transitions.move(Door.CLOSED, Door.LOCKED, "Door 1")).isEqualTo(Door.LOCKED);
        assertThat(Door.DEMOLISHED.isFinal()).isTrue();
    }

    @Test
    void undeclaredTransitionsAre409NamingTheAllowedStates() {
        assertThatThrownBy(() -> Transitions.move(Door.OPEN, Door.LOCKED, "Door 1"))
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("Door 1 cannot move from OPEN to LOCKED")
                .hasMessageContaining("CLOSED")
                .satisfies(e -> assertThat(status(e)).isEqualTo(409));
        assertThatThrownBy(() -> Transitions.move(Door.DEMOLISHED, Door.OPEN, "Door 1"))
                .isInstanceOf(ProblemException.class)
                .hasMessageNotContaining("allowed next");
    }

    @Test
    void versionCheck() {
        Versions.require(3, 3L);
        assertThatThrownBy(() -> Versions.require(4, 3L))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(status(e)).isEqualTo(409))
                .satisfies(e -> assertThat(((ProblemException) e).problem().type().toString())
                        .endsWith("stale-version"));
        assertThatThrownBy(() -> Versions.require(4, null))
                .satisfies(e -> assertThat(status(e)).isEqualTo(400))
                .satisfies(e -> assertThat(((ProblemException) e).problem().violations().get(0).field())
                        .isEqualTo("version"));
    }
}
