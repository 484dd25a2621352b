package no.torn.responsibility.application;

import no.torn.platform.problem.Problem;
import no.torn.platform.rules.RuleCheck;
import no.torn.responsibility.domain.Clarification;
import no.torn.responsibility.domain.PersonnelGroups;
import no.torn.responsibility.domain.SharingDecision;
import no.torn.responsibility.domain.SharingMappingView;
import no.torn.responsibility.domain.TaskView;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The sharing decision ({@link SharingDecision}) fed from this service's read models of task-service's catalogue and
 * mappings. A clarification is decided for its performing group ({@code held} = not checked); a delegation for the
 * employee's group with the competences they hold validly on the day.
 */
final class SharingDecisions {

    private SharingDecisions() {
    }

    /**
     * The decision for a group. A named mapping is the only one considered (the clarification commits to it);
     * otherwise the RHF's mappings of the task to the group are, so naming only the task cannot bypass them.
     */
    static SharingDecision.Result decide(String rhf, TaskView task, UUID namedMapping, String group,
                                         Set<String> held) {
        List<SharingMappingView> mappings;
        if (namedMapping != null) {
            SharingMappingView named = SharingMappingView.findById(namedMapping);
            mappings = named == null ? List.of() : List.of(named);
        } else {
            mappings = SharingMappingView.toGroup(rhf, task.code, group);
        }
        return SharingDecision.decide(of(task), group, PersonnelGroups.healthProfession(group),
                mappings.stream().map(SharingDecisions::of).toList(), held);
    }

    /** A clarification's group-level decision; refused with every unmet rule (422), else its basis is recorded. */
    static void requireAndApply(Clarification c, TaskView task) {
        requireAndApply(c, task, RuleCheck.of());
    }

    /** As {@link #requireAndApply(Clarification, TaskView)}, refusing together with the rules already unmet. */
    static void requireAndApply(Clarification c, TaskView task, RuleCheck check) {
        SharingDecision.Result result = decide(c.rhf, task, c.mappingId, c.performingGroup, null);
        check.addAll(result.unmet()).orThrow();
        c.appliedMappingId = result.mappingId();
        c.requiredCompetences = new ArrayList<>(result.required());
    }

    /**
     * A delegation's person-level decision under its clarification (the mapping it applied, if any); its unmet rules
     * join {@code check}, which the caller refuses with. Null when the task is not known (R-SHARE-01 unmet).
     */
    static SharingDecision.Result forPerson(Clarification c, String group, Set<String> held, RuleCheck check) {
        TaskView task = TaskView.findById(c.taskCode);
        if (task == null) {
            check.addAll(List.of(new Problem.UnmetRule(SharingDecision.TASK_IN_FORCE,
                    "task " + c.taskCode + " is not known", "taskCode")));
            return null;
        }
        UUID mapping = c.appliedMappingId != null ? c.appliedMappingId : c.mappingId;
        SharingDecision.Result result = decide(c.rhf, task, mapping, group, held);
        // For a delegation the person is the subject: group and competence rules concern the employee named.
        check.addAll(result.unmet().stream().map(r -> switch (r.rule()) {
            case SharingDecision.HEALTH_PROFESSIONAL, SharingDecision.UNTRAINED_STAFF ->
                    new Problem.UnmetRule(r.rule(), r.detail(), "employeeId");
            default -> r;
        }).toList());
        return result;
    }

    static SharingDecision.Task of(TaskView task) {
        return new SharingDecision.Task(task.code, Boolean.TRUE.equals(task.requiresHealthProfessional),
                Boolean.TRUE.equals(task.allowsUntrainedStaff), task.riskLevel, TaskView.ACTIVE.equals(task.status),
                List.copyOf(task.requiredCompetences));
    }

    static SharingDecision.Mapping of(SharingMappingView mapping) {
        return new SharingDecision.Mapping(mapping.mappingId, mapping.status, mapping.supervisionLevel,
                List.copyOf(mapping.extraCompetences));
    }
}
