package no.torn.responsibility.api;

import no.torn.platform.api.QueryParams;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import no.torn.platform.api.Page;
import no.torn.platform.api.QueryFilter;
import no.torn.platform.api.PageRequest;
import no.torn.platform.tenancy.Caller;
import no.torn.platform.tenancy.Roles;
import no.torn.responsibility.domain.AuditEntry;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.UUID;

@Path("/api/v1/responsibility/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit trail", description = "Append-only record of every change: who, when, why")
public class AuditResource {

    public record AuditView(long id, String rhf, String hf, String entityType, UUID entityId, String action,
                            String fromStatus, String toStatus, String actor, String reason, Instant at) {
        static AuditView of(AuditEntry e) {
            return new AuditView(e.id, e.rhf, e.hf, e.entityType, e.entityId, e.action, e.fromStatus, e.toStatus,
                    e.actor, e.reason, e.at);
        }
    }

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.AUDITOR, Roles.RHF_ADMIN, Roles.NATIONAL_ADMIN})
    @Operation(summary = "Read the audit trail, oldest first, filtered by entity, action and actor")
    public Page<AuditView> list(@QueryParam("rhf") String rhf, @QueryParam("entityType") String entityType,
                                @QueryParam("entityId") String entityId, @QueryParam("action") String action,
                                @QueryParam("actor") String actor, @Valid @BeanParam PageRequest pageRequest) {
        QueryFilter filter = new QueryFilter().eq("rhf", caller.scopeForQuery(rhf).orElse(null))
                .eq("entityType", entityType).eq("entityId", QueryParams.uuid(entityId, "entityId"))
                .eq("action", action).eq("actor", actor);
        PanacheQuery<AuditEntry> q = AuditEntry.find(filter.where() + " order by id", filter.params());
        return Page.of(q, pageRequest, AuditView::of);
    }
}
