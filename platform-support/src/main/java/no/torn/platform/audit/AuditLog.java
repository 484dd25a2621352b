package no.torn.platform.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import no.torn.platform.api.Page;
import no.torn.platform.api.PageRequest;
import no.torn.platform.api.QueryFilter;
import no.torn.platform.application.Actor;

import java.time.Instant;

/**
 * Reads a service's audit trail for auditors, scoped to the reader's RHF (a national admin may name any RHF or none);
 * every service's audit endpoint is a thin resource over this.
 */
@ApplicationScoped
public class AuditLog {

    /** One audit line as the API shows it. */
    public record View(long id, Instant at, String rhf, String hf, ActorView actor, String action, String entityType,
                       String entityId, JsonNode before, JsonNode after, String reason) {
    }

    public record ActorView(String id, String name, String role) {
    }

    /** Optional filters of the audit list. */
    public record Query(String rhf, String entityType, String entityId, String actorId, Instant from, Instant to) {
    }

    @Inject
    ObjectMapper mapper;

    @Transactional
    public Page<View> list(Actor reader, Query query, PageRequest page) {
        QueryFilter f = new QueryFilter();
        reader.rhfScope(query.rhf()).ifPresent(rhf -> f.eq("rhf", rhf));
        f.eq("entityType", query.entityType()).eq("entityId", query.entityId()).eq("actorId", query.actorId());
        if (query.from() != null) {
            f.clause("at >= :from", "from", query.from());
        }
        if (query.to() != null) {
            f.clause("at < :to", "to", query.to());
        }
        return Page.of(AuditEntry.<AuditEntry>find(f.where("id"), f.params()), page, this::view);
    }

    public View view(AuditEntry e) {
        return new View(e.id, e.at, e.rhf, e.hf, new ActorView(e.actorId, e.actorName, e.actorRole), e.action,
                e.entityType, e.entityId, tree(e.before), tree(e.after), e.reason);
    }

    private JsonNode tree(String json) {
        try {
            return json == null ? null : mapper.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("Unreadable audit snapshot", e);
        }
    }
}
