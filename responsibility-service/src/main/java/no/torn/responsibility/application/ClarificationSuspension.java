package no.torn.responsibility.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.torn.platform.application.Actor;
import no.torn.responsibility.domain.Clarification;
import no.torn.responsibility.domain.ClarificationStatus;

import java.util.List;
import java.util.UUID;

/**
 * Clarifications that lose their basis in task-service: a retired sharing mapping or task suspends every
 * clarification in force built on it, and with it their delegations.
 */
@ApplicationScoped
public class ClarificationSuspension {

    private static final List<ClarificationStatus> IN_FORCE_OR_PENDING = List.of(ClarificationStatus.APPROVED,
            ClarificationStatus.ACTIVE);

    @Inject
    Clarifications clarifications;

    @Transactional
    public int mappingRetired(Actor actor, UUID mappingId) {
        List<Clarification> affected = Clarification.list("mappingId = ?1 and status in ?2", mappingId,
                IN_FORCE_OR_PENDING);
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
}
