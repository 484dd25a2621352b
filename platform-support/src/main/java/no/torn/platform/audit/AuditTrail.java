package no.torn.platform.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.torn.platform.application.Actor;
import no.torn.platform.time.Today;

/**
 * The one audit trail of every service: each command writes who (id, display name, role at the time), what, when
 * and the state before and after, in the command's own transaction, so a change and its audit line commit together.
 */
@ApplicationScoped
public class AuditTrail {

    static final int REASON_LENGTH = 1000;

    @Inject
    ObjectMapper mapper;

    @Inject
    Today today;

    /**
     * @param what   the audited entity: type, id and owner
     * @param action what happened, e.g. {@code APPROVED}
     * @param before a snapshot before the change (null for a create)
     * @param after  a snapshot after the change (null for a removal)
     * @param reason free text given by the actor, clipped to 1000 characters
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public AuditEntry record(Actor actor, Audited what, String action, Object before, Object after, String reason) {
        AuditEntry entry = new AuditEntry();
        entry.at = today.now();
        entry.rhf = what.rhf();
        entry.hf = what.hf();
        entry.actorId = actor.id();
        entry.actorName = actor.name();
        entry.actorRole = actor.role();
        entry.action = action;
        entry.entityType = what.type();
        entry.entityId = String.valueOf(what.id());
        entry.before = json(before);
        entry.after = json(after);
        entry.reason = clip(reason);
        entry.persist();
        return entry;
    }

    public static String clip(String reason) {
        return reason == null || reason.length() <= REASON_LENGTH ? reason
                : reason.substring(0, REASON_LENGTH - 3) + "...";
    }

    private String json(Object state) {
        if (state == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(state);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write an audit snapshot", e);
        }
    }
}
