package no.torn.task.domain;

import no.torn.platform.application.Transitions;
import no.torn.platform.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The allowed next states each status enum declares, as the transition guard reads them. */
class LifecycleTest {

    @Test
    void aSharingMappingGoesDraftProposedApprovedAndRetiresFromAnyLiveState() {
        assertThat(MappingStatus.DRAFT.next()).isEqualTo(Set.of(MappingStatus.PROPOSED, MappingStatus.RETIRED));
        assertThat(MappingStatus.PROPOSED.next()).isEqualTo(Set.of(MappingStatus.APPROVED, MappingStatus.RETIRED));
        assertThat(MappingStatus.APPROVED.next()).isEqualTo(Set.of(MappingStatus.RETIRED));
        assertThat(MappingStatus.RETIRED.isFinal()).isTrue();
        assertThatThrownBy(() -> Transitions.move(MappingStatus.DRAFT, MappingStatus.APPROVED, "Sharing mapping x"))
                .isInstanceOf(ProblemException.class).hasMessageContaining("cannot move from DRAFT to APPROVED");
    }

    @Test
    void aTaskIsRetiredOnce() {
        assertThat(Transitions.move(TaskStatus.ACTIVE, TaskStatus.RETIRED, "Task x")).isEqualTo(TaskStatus.RETIRED);
        assertThat(TaskStatus.RETIRED.isFinal()).isTrue();
    }

    @Test
    void theTornMethodMovesOnePhaseForwardAtATime() {
        assertThat(ProcessPhase.MAPPING.next()).isEqualTo(Set.of(ProcessPhase.ANALYSIS));
        assertThat(ProcessPhase.PROPOSAL.next()).isEqualTo(Set.of(ProcessPhase.TRIAL));
        assertThat(ProcessPhase.EVALUATION.isFinal()).isTrue();
        assertThat(ProcessPhase.ANALYSIS.canMoveTo(ProcessPhase.MAPPING)).isFalse();
        assertThat(ProcessPhase.MAPPING.allowsProposals()).isFalse();
        assertThat(ProcessPhase.PROPOSAL.allowsStepChanges()).isTrue();
        assertThat(ProcessPhase.TRIAL.allowsStepChanges()).isFalse();
    }
}
