package no.torn.responsibility.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.torn.platform.application.Actor;
import no.torn.responsibility.domain.Clarification;
import no.torn.responsibility.domain.ClarificationStatus;
import no.torn.responsibility.domain.SharingDecision;
import no.torn.responsibility.domain.TaskView;

import java.util.List;
import java.util.UUID;

/**
 * Clarifications that lose their basis in task-service: a retired sharing mapping or task suspends every
 * clarification in force built on it (named or applied), and with it their delegations.
 */
@ApplicationScoped
public class ClarificationSuspension {

    private static final List<ClarificationStatus> IN_FORCE_OR_PENDING = List.of(ClarificationStatus.APPROVED,
            ClarificationStatus.ACTIVE);

    @Inject
    Clarifications clarifications;

    /**
     * Both clarifications that name the mapping and those that name only the task and applied it. Approving the
     * mapping again does not bring them back: they need a new submission and four-eyes approval.
     */
    @Transactional
    public int mappingRetired(Actor actor, UUID mappingId) {
        List<Clarification> affected = Clarification.list(
                "(mappingId = ?1 or appliedMappingId = ?1) and status in ?2", mappingId, IN_FORCE_OR_PENDING);
        affected.forEach(c -> clarifications.suspendNow(actor, c, "Sharing mapping " + mappingId + " was retired"));
        return affected.size();
    }

    /** A retired task cannot be performed under any clarification; an RHF's own task only affects that RHF. */
    @Transactional
    public int taskRetired(Actor actor, String taskCode, String taskRhf) {
        List<Clarification> affected = Clarification.<Clarification>list("taskCode = ?1 and status in ?2", taskCode,
                IN_FORCE_OR_PENDING).stream().filter(c -> taskRhf == null || taskRhf.equals(c.rhf)).toList();
        affected.forEach(c -> clarifications.suspendNow(actor, c, "Task " + taskCode + " was retired"));
        return affected.size();
    }

    /**
     * A task whose requirements changed (e.g. it now requires a health professional): every clarification in force
     * that the sharing decision no longer allows for its performing group is suspended, naming the unmet rules.
     */
    @Transactional
    public int taskChanged(Actor actor, String taskCode, String taskRhf) {
        TaskView task = TaskView.findById(taskCode);
        if (task == null) {
            return 0;
        }
        int suspended = 0;
        for (Clarification c : Clarification.<Clarification>list("taskCode = ?1 and status in ?2", taskCode,
                IN_FORCE_OR_PENDING)) {
            if (taskRhf != null && !taskRhf.equals(c.rhf)) {
                continue;
            }
            SharingDecision.Result result = SharingDecisions.decide(c.rhf, task, c.mappingId, c.performingGroup,
                    null);
            if (!result.allowed()) {
                clarifications.suspendNow(actor, c, "Task " + taskCode + " changed; the sharing decision for "
                        + c.performingGroup + " no longer holds: " + String.join(", ", result.unmetRules()));
                suspended++;
            }
        }
        return suspended;
    }
}
