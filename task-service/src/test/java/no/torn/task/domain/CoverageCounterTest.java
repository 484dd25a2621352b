package no.torn.task.domain;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CoverageCounterTest {

    private static final List<String> GROUPS = List.of("sykepleier", "helsefagarbeider", "lege", "portor", "matvert");
    private static final Set<String> HEALTH = Set.of("sykepleier", "helsefagarbeider", "lege");

    @Test
    void countsAgreeWithTheSharingDecisionOnRandomUnits() {
        Random random = new Random(7);
        // 70 codes: more than one 64-bit word.
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
            codes.add("C-" + i);
        }
        for (int round = 0; round < 20; round++) {
            List<SharingDecision.TaskTerms> tasks = new ArrayList<>();
            Map<String, List<SharingDecision.Mapping>> mappings = new HashMap<>();
            Set<String> relevant = new HashSet<>();
            for (int t = 0; t < 30; t++) {
                Set<String> required = pick(random, codes, random.nextInt(3));
                boolean health = random.nextBoolean();
                RiskLevel risk = RiskLevel.values()[random.nextInt(3)];
                tasks.add(new SharingDecision.TaskTerms("T" + t, health, !health && random.nextBoolean(), risk,
                        TaskStatus.ACTIVE, required));
                relevant.addAll(required);
                for (int m = random.nextInt(4) - 1; m > 0; m--) {
                    Set<String> extra = pick(random, codes, random.nextInt(2));
                    relevant.addAll(extra);
                    mappings.computeIfAbsent("T" + t, k -> new ArrayList<>()).add(new SharingDecision.Mapping(
                            UUID.randomUUID(), "sykepleier", GROUPS.get(random.nextInt(GROUPS.size())),
                            MappingStatus.values()[random.nextInt(MappingStatus.values().length)],
                            SupervisionLevel.values()[random.nextInt(3)], extra));
                }
            }
            CoverageCounter counter = new CoverageCounter(relevant, HEALTH::contains);
            List<String> groups = new ArrayList<>();
            List<Set<String>> held = new ArrayList<>();
            for (int e = 0; e < 200; e++) {
                String group = GROUPS.get(random.nextInt(GROUPS.size()));
                Set<String> codesHeld = pick(random, codes, random.nextInt(40));
                Set<String> relevantHeld = new HashSet<>(codesHeld);
                relevantHeld.retainAll(relevant);
                counter.addEmployee(group, relevantHeld);
                groups.add(group);
                held.add(codesHeld);
            }
            for (SharingDecision.TaskTerms task : tasks) {
                List<SharingDecision.Mapping> options = mappings.getOrDefault(task.code(), List.of());
                int expected = 0;
                for (int e = 0; e < groups.size(); e++) {
                    if (SharingDecision.forPerson(task, groups.get(e), HEALTH.contains(groups.get(e)), options,
                            held.get(e)).allowed()) {
                        expected++;
                    }
                }
                assertThat(counter.count(task, options)).as(task.code()).isEqualTo(expected);
            }
        }
    }

    @Test
    void aRequiredCodeOutsideTheRelevantSetIsNeverHeld() {
        CoverageCounter counter = new CoverageCounter(Set.of("A"), g -> true);
        counter.addEmployee("sykepleier", Set.of("A"));
        assertThat(counter.count(task(TaskStatus.ACTIVE, Set.of("A")), List.of())).isEqualTo(1);
        assertThat(counter.count(task(TaskStatus.ACTIVE, Set.of("B")), List.of())).isZero();
    }

    @Test
    void aRetiredTaskHasNobodyAndARetiredMappingClosesItsGroup() {
        CoverageCounter counter = new CoverageCounter(Set.of("A"), g -> true);
        counter.addEmployee("sykepleier", Set.of("A"));
        counter.addEmployee("helsefagarbeider", Set.of("A"));
        assertThat(counter.count(task(TaskStatus.RETIRED, Set.of("A")), List.of())).isZero();
        SharingDecision.Mapping retired = new SharingDecision.Mapping(UUID.randomUUID(), "sykepleier",
                "helsefagarbeider", MappingStatus.RETIRED, SupervisionLevel.DIRECT, Set.of());
        assertThat(counter.count(task(TaskStatus.ACTIVE, Set.of("A")), List.of())).isEqualTo(2);
        assertThat(counter.count(task(TaskStatus.ACTIVE, Set.of("A")), List.of(retired))).isEqualTo(1);
    }

    private static SharingDecision.TaskTerms task(TaskStatus status, Set<String> required) {
        return new SharingDecision.TaskTerms("T", true, false, RiskLevel.HIGH, status, required);
    }

    private static Set<String> pick(Random random, List<String> codes, int n) {
        Set<String> result = new HashSet<>();
        while (result.size() < n) {
            result.add(codes.get(random.nextInt(codes.size())));
        }
        return result;
    }
}
