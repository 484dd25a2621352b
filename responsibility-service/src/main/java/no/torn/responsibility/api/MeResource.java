package no.torn.responsibility.api;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import no.torn.platform.api.Page;
import no.torn.platform.api.PageRequest;
import no.torn.platform.api.QueryParams;
import no.torn.platform.tenancy.Caller;
import no.torn.platform.tenancy.Roles;
import no.torn.responsibility.api.Dtos.ConfirmationRequest;
import no.torn.responsibility.api.Dtos.DelegationView;
import no.torn.responsibility.application.Authorisations;
import no.torn.responsibility.application.Delegations;
import no.torn.responsibility.domain.Delegation;
import no.torn.responsibility.domain.DelegationStatus;
import no.torn.responsibility.domain.EmployeeView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** The employee's own view: identified by the token's employee_number claim within its RHF and HF. */
@Path("/api/v1/responsibility/me")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.EMPLOYEE)
@Tag(name = "My delegations", description = "What I may do and under whose responsibility")
public class MeResource {

    @Inject
    Caller caller;

    @Inject
    Authorisations authorisations;

    @Inject
    Delegations delegations;

    @GET
    @Operation(operationId = "getMyResponsibilities",
                summary = "What I may do, under whose responsibility, and what awaits my confirmation")
    public Authorisations.EmployeeAuthorisations me() {
        return authorisations.mine(caller.actor());
    }

    @GET
    @Path("/delegations")
    @Operation(operationId = "listMyDelegations", summary = "My delegations, all states")
    public Page<DelegationView> delegations(
            @Parameter(description = "Filter by status: CREATED, ACTIVE, SUSPENDED, ENDED", example = "CREATED")
            @QueryParam("status") String statusParam,
                                            @Valid @BeanParam PageRequest pageRequest) {
        EmployeeView self = authorisations.self(caller.actor());
        DelegationStatus status = QueryParams.enumOf(DelegationStatus.class, statusParam, "status");
        PanacheQuery<Delegation> q = status == null
                ? Delegation.find("employeeId = ?1 order by createdAt desc, id", self.employeeId)
                : Delegation.find("employeeId = ?1 and status = ?2 order by createdAt desc, id", self.employeeId,
                status);
        return Page.of(q, pageRequest, DelegationView::of);
    }

    @POST
    @Path("/delegations/{id}/confirm")
    @Operation(operationId = "confirmMyDelegation",
                summary = "Confirm that I consider myself competent for a delegation; it becomes active")
    public DelegationView confirm(@PathParam("id") UUID id, @Valid @NotNull ConfirmationRequest request) {
        return DelegationView.of(delegations.confirm(caller.actor(), id, request.version()));
    }
}
