package no.torn.task.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class EligibilityTest {

    private static final Eligibility.TaskRequirement DISPENSING = new Eligibility.TaskRequirement("MED-DISPENSING",
            true, false, Set.of("AUT-HELSEFAGARBEIDER", "LEGEMIDDELHANDTERING"));
    private static final Eligibility.TaskRequirement MEALS = new Eligibility.TaskRequirement("MEALS", false, true,
            Set.of());
    private static final UUID MAPPING = UUID.randomUUID();
    private static final List<Eligibility.MappingOption> MAPPINGS = List.of(new Eligibility.MappingOption(MAPPING,
            "sykepleier", "helsefagarbeider", Set.of("LEGEMIDDELKURS-HFA")));

    @Test
    void groupWithoutMappingNeedsTheTaskRequirements() {
        assertThat(Eligibility.evaluate(DISPENSING, MAPPINGS, "sykepleier", true,
                Set.of("AUT-HELSEFAGARBEIDER", "LEGEMIDDELHANDTERING")))
                .contains(new Eligibility.Reason(Eligibility.ReasonType.TASK_REQUIREMENTS, null, null));
        assertThat(Eligibility.evaluate(DISPENSING, MAPPINGS, "sykepleier", true, Set.of("AUT-HELSEFAGARBEIDER")))
                .isEmpty();
    }

    @Test
    void receivingGroupNeedsTheMappingsExtraCompetences() {
        assertThat(Eligibility.evaluate(DISPENSING, MAPPINGS, "helsefagarbeider", true,
                Set.of("AUT-HELSEFAGARBEIDER", "LEGEMIDDELHANDTERING"))).isEmpty();
        assertThat(Eligibility.evaluate(DISPENSING, MAPPINGS, "helsefagarbeider", true,
                Set.of("AUT-HELSEFAGARBEIDER", "LEGEMIDDELHANDTERING", "LEGEMIDDELKURS-HFA")))
                .contains(new Eligibility.Reason(Eligibility.ReasonType.SHARING_MAPPING, MAPPING, "sykepleier"));
    }

    @Test
    void staffWithoutHealthTrainingOnlyForTasksOpenToThem() {
        assertThat(Eligibility.evaluate(DISPENSING, List.of(), "portor", false,
                Set.of("AUT-HELSEFAGARBEIDER", "LEGEMIDDELHANDTERING"))).isEmpty();
        assertThat(Eligibility.evaluate(MEALS, List.of(), "matvert", false, Set.of())).isPresent();
        Eligibility.TaskRequirement closed = new Eligibility.TaskRequirement("OBS", false, false, Set.of());
        assertThat(Eligibility.evaluate(closed, List.of(), "renholder", false, Set.of())).isEmpty();
    }
}
