package no.torn.platform.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import no.torn.platform.api.Page;
import no.torn.platform.api.PageRequest;
import no.torn.platform.api.QueryParams;
import no.torn.platform.tenancy.Caller;
import no.torn.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The audit endpoint every service has: a service declares it with its own path,
 * {@code @Path("/api/v1/<root>/audit") public class AuditResource extends AuditEndpoint {}}.
 */
@Produces(MediaType.APPLICATION_JSON)
public abstract class AuditEndpoint {

    @Inject
    Caller caller;

    @Inject
    AuditLog log;

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.AUDITOR})
    @Operation(summary = "The append-only audit trail of this service",
            description = "Who (id, display name, role at the time) did what to which record, when, with the state "
                    + "before and after. Scoped to the caller's RHF; a national admin may name an RHF or read all. "
                    + "Filters: entityType, entityId, actorId, from/to (ISO-8601 instants, to exclusive).")
    public Page<AuditLog.View> list(@BeanParam @Valid PageRequest page, @QueryParam("rhf") String rhf,
                                    @QueryParam("entityType") String entityType,
                                    @QueryParam("entityId") String entityId, @QueryParam("actorId") String actorId,
                                    @QueryParam("from") String from, @QueryParam("to") String to) {
        return log.list(caller.actor(), new AuditLog.Query(rhf, entityType, entityId, actorId,
                QueryParams.instant(from, "from"), QueryParams.instant(to, "to")), page);
    }
}
