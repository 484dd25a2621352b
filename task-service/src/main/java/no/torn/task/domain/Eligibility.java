package no.torn.task.domain;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Who may perform a task, judged from a person's personnel group and valid competence codes (implied ones
 * included):
 * <ul>
 *   <li>a group that is not an authorised health profession qualifies only for tasks that neither require
 *       health-professional competence nor exclude staff without health training;</li>
 *   <li>a group that an approved sharing mapping moved the task to must hold the task's required competences plus
 *       that mapping's extra ones (any one approved mapping to the group suffices; the reason names it);</li>
 *   <li>any other group must hold the task's required competences.</li>
 * </ul>
 */
public final class Eligibility {

    private Eligibility() {
    }

    public record TaskRequirement(String code, boolean requiresHealthProfessional, boolean allowsUntrainedStaff,
                                  Set<String> requiredCompetences) {
    }

    /** An approved mapping of the task: receiving group and its extra competences. */
    public record MappingOption(UUID mappingId, String fromGroup, String toGroup, Set<String> extraCompetences) {
    }

    public enum ReasonType {
        TASK_REQUIREMENTS, SHARING_MAPPING
    }

    public record Reason(ReasonType type, UUID mappingId, String fromGroup) {
        static final Reason TASK = new Reason(ReasonType.TASK_REQUIREMENTS, null, null);
    }

    /**
     * @param mappings the task's approved mappings in the person's RHF (any receiving group), in a stable order
     */
    public static Optional<Reason> evaluate(TaskRequirement task, List<MappingOption> mappings, String group,
                                            boolean healthProfession, Set<String> held) {
        if (!healthProfession && (task.requiresHealthProfessional() || !task.allowsUntrainedStaff())) {
            return Optional.empty();
        }
        if (!held.containsAll(task.requiredCompetences())) {
            return Optional.empty();
        }
        boolean mappedToGroup = false;
        for (MappingOption mapping : mappings) {
            if (mapping.toGroup().equals(group)) {
                mappedToGroup = true;
                if (held.containsAll(mapping.extraCompetences())) {
                    return Optional.of(new Reason(ReasonType.SHARING_MAPPING, mapping.mappingId(), mapping.fromGroup()));
                }
            }
        }
        return mappedToGroup ? Optional.empty() : Optional.of(Reason.TASK);
    }

    /** Every code that can matter for the task: its own and those of its approved mappings. */
    public static Set<String> relevantCodes(TaskRequirement task, Collection<MappingOption> mappings) {
        Set<String> codes = new java.util.HashSet<>(task.requiredCompetences());
        mappings.forEach(m -> codes.addAll(m.extraCompetences()));
        return codes;
    }
}
