package no.torn.competence.api;

import no.torn.platform.api.QueryParams;
import no.torn.platform.api.QueryFilter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import no.torn.competence.domain.AccessLogEntry;
import no.torn.platform.api.Page;
import no.torn.platform.api.PageRequest;
import no.torn.platform.tenancy.Caller;
import no.torn.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path(Paths.ROOT + "/access-log")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access log", description = "Who read whose competence (privacy audit)")
public class AccessLogResource {

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.AUDITOR})
    @Operation(operationId = "listCompetenceAccessLog",
                summary = "Reads of employees' competence by others, newest first (filter by employeeId)")
    public Page<QueryDtos.AccessLogView> list(@BeanParam @Valid PageRequest pageRequest, @QueryParam("rhf") String rhf,
                                              @QueryParam("employeeId") String employeeId) {
        QueryFilter f = new QueryFilter();
        caller.scopeForQuery(rhf).ifPresent(r -> f.eq("employeeRhf", "rhf", r));
        f.eq("employeeId", "employee", QueryParams.uuid(employeeId, "employeeId"));
        return Page.of(AccessLogEntry.<AccessLogEntry>find(f.where("at desc, id"), f.params()), pageRequest,
                (AccessLogEntry e) -> new QueryDtos.AccessLogView(e.at, e.actor, e.actorRhf, e.employeeId, e.action));
    }
}
