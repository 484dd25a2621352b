package no.torn.platform.api;

import no.torn.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueryParamsTest {

    enum Status { ACTIVE, LEFT }

    @Test
    void parsesGivenValuesAndTreatsBlankAsAbsent() {
        UUID id = UUID.randomUUID();
        assertThat(QueryParams.uuid(" " + id + " ", "id")).isEqualTo(id);
        assertThat(QueryParams.enumOf(Status.class, "LEFT", "status")).isEqualTo(Status.LEFT);
        assertThat(QueryParams.integer("2023", "year")).isEqualTo(2023);
        assertThat(QueryParams.bool("TRUE", "current")).isTrue();
        assertThat(QueryParams.date("", "validOn", LocalDate.EPOCH)).isEqualTo(LocalDate.EPOCH);
        assertThat(QueryParams.uuid(" ", "id")).isNull();
    }

    @Test
    void malformedValuesNameTheParameter() {
        assertThatThrownBy(() -> QueryParams.enumOf(Status.class, "GONE", "status"))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(400);
                    assertThat(e.problem().violations().get(0).field()).isEqualTo("status");
                    assertThat(e.problem().violations().get(0).message()).isEqualTo("must be one of ACTIVE, LEFT");
                });
        assertThatThrownBy(() -> QueryParams.uuid("x", "employeeId")).hasMessageContaining("employeeId");
        assertThatThrownBy(() -> QueryParams.integer("2k", "year")).hasMessageContaining("year");
        assertThatThrownBy(() -> QueryParams.bool("maybe", "current")).hasMessageContaining("current");
        assertThatThrownBy(() -> QueryParams.date("tomorrow", "validOn", null)).hasMessageContaining("validOn");
    }
}
