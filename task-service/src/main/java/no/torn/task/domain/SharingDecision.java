package no.torn.task.domain;

import no.torn.platform.problem.Problem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * "May personnel group G perform task T in RHF R, and under which conditions?" (docs/rules/sharing-decision.md).
 * Every rule is evaluated, so a refusal lists all that are unmet, in catalogue order:
 * <ol>
 *   <li>R-SHARE-01: the task is in force;</li>
 *   <li>R-SHARE-02: a task requiring a health professional goes only to an authorised health profession;</li>
 *   <li>R-SHARE-03: a group without health training gets only tasks that allow staff without it;</li>
 *   <li>R-SHARE-04: once the RHF has decided about G for T (a mapping to G in any status), only an APPROVED mapping
 *       lets G perform it;</li>
 *   <li>R-SHARE-05: through a mapping, a HIGH-risk task needs supervision AVAILABLE or DIRECT;</li>
 *   <li>R-COMP-01: a person holds the task's required competences plus the applied mapping's extra ones (not
 *       checked for a decision about the group alone).</li>
 * </ol>
 * The applied mapping is the first APPROVED one to G that meets R-SHARE-05 and R-COMP-01, else the first APPROVED
 * one (to report what is unmet). Without any mapping to G the basis is the task's own requirements.
 */
public final class SharingDecision {

    public static final String TASK_IN_FORCE = "R-SHARE-01";
    public static final String HEALTH_PROFESSION = "R-SHARE-02";
    public static final String HEALTH_TRAINING = "R-SHARE-03";
    public static final String APPROVED_MAPPING = "R-SHARE-04";
    public static final String SUPERVISION = "R-SHARE-05";
    public static final String COMPETENCE = "R-COMP-01";

    private SharingDecision() {
    }

    /** What the task itself asks for. */
    public record TaskTerms(String code, boolean requiresHealthProfessional, boolean allowsUntrainedStaff,
                            RiskLevel risk, TaskStatus status, Set<String> requiredCompetences) {

        public static TaskTerms of(Task task) {
            return new TaskTerms(task.code, task.requiresHealthProfessional, task.allowsUntrainedStaff,
                    task.riskLevel, task.status, Set.copyOf(task.requiredCompetences));
        }
    }

    /** A sharing mapping of the task in the RHF, in any status. */
    public record Mapping(UUID id, String fromGroup, String toGroup, MappingStatus status,
                          SupervisionLevel supervision, Set<String> extraCompetences) {
    }

    public enum Basis {
        TASK, MAPPING
    }

    /**
     * @param basis       null when refused
     * @param applied     the applied mapping when the basis is MAPPING, else null
     * @param supervision the applied mapping's supervision when allowed through a mapping, else null
     */
    public record Outcome(boolean allowed, List<Problem.UnmetRule> unmet, Basis basis, Mapping applied,
                          SupervisionLevel supervision) {

        public List<String> unmetRules() {
            return unmet.stream().map(Problem.UnmetRule::rule).toList();
        }
    }

    /** The decision for one person holding {@code held} (valid codes on the day, implied codes included). */
    public static Outcome forPerson(TaskTerms task, String group, boolean healthProfession,
                                    Collection<Mapping> mappings, Set<String> held) {
        return decide(task, group, healthProfession, mappings, held);
    }

    /** The decision about the group alone: required competences become conditions, not checks. */
    public static Outcome forGroup(TaskTerms task, String group, boolean healthProfession,
                                   Collection<Mapping> mappings) {
        return decide(task, group, healthProfession, mappings, null);
    }

    /** @param mappings the task's mappings in the RHF in a stable order; those to other groups are ignored */
    private static Outcome decide(TaskTerms task, String group, boolean healthProfession,
                                  Collection<Mapping> mappings, Set<String> held) {
        List<Mapping> toGroup = mappings.stream().filter(m -> m.toGroup().equals(group)).toList();
        List<Mapping> approved = toGroup.stream().filter(m -> m.status() == MappingStatus.APPROVED).toList();
        Mapping applied = approved.stream()
                .filter(m -> supervised(task, m) && holds(task, m, held))
                .findFirst().orElse(approved.isEmpty() ? null : approved.get(0));

        List<Problem.UnmetRule> unmet = new ArrayList<>();
        if (task.status() != TaskStatus.ACTIVE) {
            unmet.add(new Problem.UnmetRule(TASK_IN_FORCE, "task " + task.code() + " is " + task.status(),
                    "taskCode"));
        }
        if (task.requiresHealthProfessional() && !healthProfession) {
            unmet.add(new Problem.UnmetRule(HEALTH_PROFESSION, "task " + task.code()
                    + " requires a health professional and " + group + " is not an authorised health profession",
                    "personnelGroup"));
        }
        if (!task.allowsUntrainedStaff() && !healthProfession) {
            unmet.add(new Problem.UnmetRule(HEALTH_TRAINING, "task " + task.code()
                    + " does not allow staff without health training, and " + group + " has none",
                    "personnelGroup"));
        }
        if (!toGroup.isEmpty() && approved.isEmpty()) {
            unmet.add(new Problem.UnmetRule(APPROVED_MAPPING, "the RHF's sharing mapping of " + task.code()
                    + " to " + group + " is " + toGroup.stream().map(m -> m.status().name()).distinct().toList()
                    + ", not approved", "sharingMappingId"));
        }
        if (applied != null && !supervised(task, applied)) {
            unmet.add(new Problem.UnmetRule(SUPERVISION, "a HIGH-risk task through sharing mapping " + applied.id()
                    + " needs supervision AVAILABLE or DIRECT, not " + applied.supervision(), "supervisionLevel"));
        }
        if (held != null && !holds(task, applied, held)) {
            Set<String> missing = new TreeSet<>(required(task, applied));
            missing.removeAll(held);
            unmet.add(new Problem.UnmetRule(COMPETENCE, "lacks valid competence " + missing
                    + (applied == null ? "" : " (task and sharing mapping " + applied.id() + ")"),
                    "requiredCompetences"));
        }
        if (!unmet.isEmpty()) {
            return new Outcome(false, List.copyOf(unmet), null, null, null);
        }
        return applied == null ? new Outcome(true, List.of(), Basis.TASK, null, null)
                : new Outcome(true, List.of(), Basis.MAPPING, applied, applied.supervision());
    }

    /** Every code that can matter for the task: its own and those of its mappings. */
    public static Set<String> relevantCodes(TaskTerms task, Collection<Mapping> mappings) {
        Set<String> codes = new HashSet<>(task.requiredCompetences());
        mappings.forEach(m -> codes.addAll(m.extraCompetences()));
        return codes;
    }

    static boolean supervised(TaskTerms task, Mapping mapping) {
        return task.risk() != RiskLevel.HIGH || mapping.supervision().atLeast(SupervisionLevel.AVAILABLE);
    }

    private static boolean holds(TaskTerms task, Mapping mapping, Set<String> held) {
        return held == null || held.containsAll(required(task, mapping));
    }

    private static Set<String> required(TaskTerms task, Mapping mapping) {
        if (mapping == null || mapping.extraCompetences().isEmpty()) {
            return task.requiredCompetences();
        }
        Set<String> all = new HashSet<>(task.requiredCompetences());
        all.addAll(mapping.extraCompetences());
        return all;
    }
}
