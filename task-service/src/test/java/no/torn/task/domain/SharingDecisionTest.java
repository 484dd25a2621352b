package no.torn.task.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The decision's reasons and details, beyond what the shared table states. */
class SharingDecisionTest {

    private static final SharingDecision.TaskTerms DISPENSING = new SharingDecision.TaskTerms("MED-DISPENSING",
            true, false, RiskLevel.HIGH, TaskStatus.ACTIVE, Set.of("AUT-HELSEFAGARBEIDER", "LEGEMIDDELHANDTERING"));
    private static final UUID MAPPING = UUID.randomUUID();
    private static final List<SharingDecision.Mapping> MAPPINGS = List.of(new SharingDecision.Mapping(MAPPING,
            "sykepleier", "helsefagarbeider", MappingStatus.APPROVED, SupervisionLevel.AVAILABLE,
            Set.of("LEGEMIDDELKURS-HFA")));

    @Test
    void aGroupWithoutMappingIsJudgedOnTheTaskAlone() {
        SharingDecision.Outcome nurse = SharingDecision.forPerson(DISPENSING, "sykepleier", true, MAPPINGS,
                Set.of("AUT-HELSEFAGARBEIDER", "LEGEMIDDELHANDTERING"));
        assertThat(nurse.allowed()).isTrue();
        assertThat(nurse.basis()).isEqualTo(SharingDecision.Basis.TASK);
        assertThat(nurse.applied()).isNull();
    }

    @Test
    void theReceivingGroupIsAllowedThroughTheMappingAndTheRefusalNamesWhatIsMissing() {
        SharingDecision.Outcome missing = SharingDecision.forPerson(DISPENSING, "helsefagarbeider", true, MAPPINGS,
                Set.of("AUT-HELSEFAGARBEIDER", "LEGEMIDDELHANDTERING"));
        assertThat(missing.unmetRules()).containsExactly("R-COMP-01");
        assertThat(missing.unmet().get(0).detail()).contains("LEGEMIDDELKURS-HFA").contains(MAPPING.toString());
        SharingDecision.Outcome through = SharingDecision.forPerson(DISPENSING, "helsefagarbeider", true, MAPPINGS,
                Set.of("AUT-HELSEFAGARBEIDER", "LEGEMIDDELHANDTERING", "LEGEMIDDELKURS-HFA"));
        assertThat(through.basis()).isEqualTo(SharingDecision.Basis.MAPPING);
        assertThat(through.applied().id()).isEqualTo(MAPPING);
        assertThat(through.applied().fromGroup()).isEqualTo("sykepleier");
        assertThat(through.supervision()).isEqualTo(SupervisionLevel.AVAILABLE);
    }

    @Test
    void aPorterIsNeverAllowedATaskForAHealthProfessional() {
        SharingDecision.Outcome porter = SharingDecision.forGroup(DISPENSING, "portor", false, MAPPINGS);
        assertThat(porter.unmetRules()).containsExactly("R-SHARE-02", "R-SHARE-03");
        assertThat(porter.unmet().stream().map(r -> r.field()).toList())
                .containsExactly("personnelGroup", "personnelGroup");
    }
}
