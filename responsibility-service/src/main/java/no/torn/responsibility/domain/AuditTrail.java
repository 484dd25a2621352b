package no.torn.responsibility.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.UUID;

/** Writes audit lines in the caller's transaction, so a change and its audit line commit together. */
@ApplicationScoped
public class AuditTrail {

    public static final String CLARIFICATION = "CLARIFICATION";
    public static final String DELEGATION = "DELEGATION";
    public static final String EMPLOYEE = "EMPLOYEE";

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String rhf, String hf, String entityType, UUID entityId, String action, Enum<?> from,
                       Enum<?> to, String actor, String reason) {
        AuditEntry entry = new AuditEntry();
        entry.rhf = rhf;
        entry.hf = hf;
        entry.entityType = entityType;
        entry.entityId = entityId;
        entry.action = action;
        entry.fromStatus = from == null ? null : from.name();
        entry.toStatus = to == null ? null : to.name();
        entry.actor = actor;
        entry.reason = clip(reason);
        entry.at = clock.instant();
        entry.persist();
    }

    /** Reasons are free text composed from user input; they are stored up to the column's 1000 characters. */
    public static String clip(String reason) {
        return reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 997) + "...";
    }

    public void clarification(Clarification c, String action, ClarificationStatus from, String actor, String reason) {
        record(c.rhf, c.hf, CLARIFICATION, c.id, action, from, c.status, actor, reason);
    }

    public void delegation(Delegation d, String action, DelegationStatus from, String actor, String reason) {
        record(d.rhf, d.hf, DELEGATION, d.id, action, from, d.status, actor, reason);
    }
}
