package no.torn.responsibility.domain;

import no.torn.platform.problem.Problem;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * "May personnel group G perform task T in RHF R, and under which conditions?" — the shared sharing decision
 * (docs/rules/sharing-decision.md), the same rules task-service applies to eligible staff. Pure: the caller passes the
 * task, the group, the RHF's mappings of T to G in a stable order and either the person's valid competence codes
 * (implied ones included) or {@code null} for a decision about the group alone, where competences become conditions.
 * Every rule is evaluated, so a refusal names all that are unmet, in catalogue order.
 */
public final class SharingDecision {

    public static final String TASK_IN_FORCE = "R-SHARE-01";
    public static final String HEALTH_PROFESSIONAL = "R-SHARE-02";
    public static final String UNTRAINED_STAFF = "R-SHARE-03";
    public static final String APPROVED_MAPPING = "R-SHARE-04";
    public static final String SUPERVISION = "R-SHARE-05";
    public static final String COMPETENCE = "R-COMP-01";

    public static final String APPROVED = "APPROVED";
    public static final String HIGH = "HIGH";

    public enum Basis {
        TASK, MAPPING
    }

    /** The task's own requirements. */
    public record Task(String code, boolean requiresHealthProfessional, boolean allowsUntrainedStaff, String risk,
                       boolean active, List<String> required) {
    }

    /** One of the RHF's mappings of the task to the group. */
    public record Mapping(UUID id, String status, String supervision, List<String> extra) {
        boolean approved() {
            return APPROVED.equals(status);
        }
    }

    /**
     * @param unmetRules  codes of the unmet rules, in catalogue order
     * @param unmet       the same rules with what was unmet (R-COMP-01 once per missing competence)
     * @param basis       TASK or MAPPING when allowed, else null
     * @param mappingId   the applied mapping when allowed through one, else null
     * @param supervision the applied mapping's supervision when allowed through one, else null
     * @param required    every competence the decision relies on: the task's plus the applied mapping's extra ones
     */
    public record Result(boolean allowed, List<String> unmetRules, List<Problem.UnmetRule> unmet, Basis basis,
                         UUID mappingId, String supervision, List<String> required) {
    }

    private SharingDecision() {
    }

    /**
     * @param held the person's valid competence codes on the day, or {@code null} for a group-level decision
     */
    public static Result decide(Task task, String group, boolean healthProfession, List<Mapping> mappingsToGroup,
                                Set<String> held) {
        List<Problem.UnmetRule> unmet = new ArrayList<>();
        if (!task.active()) {
            unmet.add(new Problem.UnmetRule(TASK_IN_FORCE, "task " + task.code() + " is not in force", "taskCode"));
        }
        if (task.requiresHealthProfessional() && !healthProfession) {
            unmet.add(new Problem.UnmetRule(HEALTH_PROFESSIONAL, "task " + task.code()
                    + " requires a health professional; " + group + " is not an authorised health profession",
                    "performingGroup"));
        }
        if (!task.allowsUntrainedStaff() && !healthProfession) {
            unmet.add(new Problem.UnmetRule(UNTRAINED_STAFF, "task " + task.code()
                    + " does not allow staff without health training; " + group + " has none", "performingGroup"));
        }
        List<Mapping> approved = mappingsToGroup.stream().filter(Mapping::approved).toList();
        Mapping applied = null;
        if (!mappingsToGroup.isEmpty() && approved.isEmpty()) {
            unmet.add(new Problem.UnmetRule(APPROVED_MAPPING, "the RHF's sharing decision about " + group
                    + " for task " + task.code() + " is not approved ("
                    + String.join(", ", mappingsToGroup.stream().map(Mapping::status).distinct().toList()) + ")",
                    "mappingId"));
        } else if (!approved.isEmpty()) {
            applied = approved.stream()
                    .filter(m -> supervised(task, m) && missing(required(task, m), held).isEmpty())
                    .findFirst().orElse(approved.get(0));
            if (!supervised(task, applied)) {
                unmet.add(new Problem.UnmetRule(SUPERVISION, "task " + task.code() + " is HIGH risk; mapping "
                        + applied.id() + " gives supervision " + applied.supervision()
                        + ", it needs AVAILABLE or DIRECT", "mappingId"));
            }
        }
        List<String> required = required(task, applied);
        for (String code : missing(required, held)) {
            unmet.add(new Problem.UnmetRule(COMPETENCE, code + ": no valid competence record", "requiredCompetences"));
        }
        boolean allowed = unmet.isEmpty();
        List<String> codes = unmet.stream().map(Problem.UnmetRule::rule).distinct().toList();
        return new Result(allowed, codes, List.copyOf(unmet),
                allowed ? (applied == null ? Basis.TASK : Basis.MAPPING) : null,
                allowed && applied != null ? applied.id() : null,
                allowed && applied != null ? applied.supervision() : null, required);
    }

    private static boolean supervised(Task task, Mapping mapping) {
        return !HIGH.equals(task.risk()) || "AVAILABLE".equals(mapping.supervision())
                || "DIRECT".equals(mapping.supervision());
    }

    private static List<String> required(Task task, Mapping mapping) {
        Set<String> all = new LinkedHashSet<>(task.required());
        if (mapping != null) {
            all.addAll(mapping.extra());
        }
        return List.copyOf(all);
    }

    /** Required codes not held, in order; nothing is missing in a group-level decision. */
    private static List<String> missing(Collection<String> required, Set<String> held) {
        if (held == null) {
            return List.of();
        }
        return required.stream().filter(code -> !held.contains(code)).toList();
    }
}
