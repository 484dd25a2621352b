package no.torn.responsibility.api;

import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.torn.platform.api.Page;
import no.torn.platform.api.PageRequest;
import no.torn.platform.api.QueryFilter;
import no.torn.platform.api.QueryParams;
import no.torn.platform.application.Idempotency;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.Caller;
import no.torn.platform.tenancy.Roles;
import no.torn.responsibility.api.Dtos.ConfirmationRequest;
import no.torn.responsibility.api.Dtos.DelegationRequest;
import no.torn.responsibility.api.Dtos.DelegationView;
import no.torn.responsibility.api.Dtos.TransitionRequest;
import no.torn.responsibility.application.Delegations;
import no.torn.responsibility.domain.Delegation;
import no.torn.responsibility.domain.DelegationStatus;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/responsibility/delegations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Delegations", description = "Health Personnel Act §5 delegations to named employees")
public class DelegationResource {

    @Inject
    Caller caller;

    @Inject
    Delegations delegations;

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.AUDITOR,
            Roles.HR_INTEGRATION})
    @Operation(operationId = "listDelegations",
                summary = "List delegations, filtered by hf, unit, clarification, employee, task and status")
    public Page<DelegationView> list(@QueryParam("rhf") String rhf, @QueryParam("hf") String hf,
                                     @QueryParam("unit") String unit,
                                     @QueryParam("clarificationId") String clarificationId,
                                     @QueryParam("employeeId") String employeeId,
                                     @QueryParam("taskCode") String taskCode,
                                     @Parameter(description = "Filter by status: CREATED, ACTIVE, SUSPENDED, ENDED",
                                             example = "CREATED")
                                     @QueryParam("status") String status,
                                     @Valid @BeanParam PageRequest pageRequest) {
        QueryFilter filter = new QueryFilter().eq("rhf", caller.scopeForQuery(rhf).orElse(null))
                .eq("hf", hf).eq("unit", unit)
                .eq("clarificationId", QueryParams.uuid(clarificationId, "clarificationId"))
                .eq("employeeId", QueryParams.uuid(employeeId, "employeeId")).eq("taskCode", taskCode)
                .eq("status", QueryParams.enumOf(DelegationStatus.class, status, "status"));
        PanacheQuery<Delegation> q = Delegation.find(filter.where() + " order by createdAt desc, id", filter.params());
        return Page.of(q, pageRequest, DelegationView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.AUDITOR,
            Roles.HR_INTEGRATION, Roles.EMPLOYEE})
    @Operation(operationId = "getDelegation", summary = "Read one delegation (an employee only their own)")
    public DelegationView get(@PathParam("id") UUID id) {
        return DelegationView.of(delegations.get(caller.actor(), id));
    }

    @POST
    @RolesAllowed({Roles.RHF_ADMIN, Roles.UNIT_LEADER})
    @Operation(operationId = "createDelegation",
                summary = "Delegate a task to a named employee under an active clarification; checks competences; "
            + "Idempotency-Key honoured")
    @APIResponse(responseCode = "201", description = "The delegation, awaiting the employee's confirmation",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = DelegationView.class)))
    public Response create(@Valid @NotNull DelegationRequest request,
                           @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        if (request.validTo() != null && request.validTo().isBefore(request.validFrom())) {
            throw ProblemException.invalid("validTo", "must not be before validFrom");
        }
        Delegation d = delegations.create(caller.actor(), new Delegations.NewDelegation(request.clarificationId(),
                request.employeeId(), request.delegator(), request.supervisor(), request.validFrom(),
                request.validTo()), idempotencyKey);
        return Response.created(URI.create("/api/v1/responsibility/delegations/" + d.id))
                .entity(DelegationView.of(d)).build();
    }

    @POST
    @Path("/{id}/confirm")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(operationId = "confirmDelegation",
                summary = "The employee confirms they consider themselves competent; the delegation becomes active")
    public DelegationView confirm(@PathParam("id") UUID id, @Valid @NotNull ConfirmationRequest request) {
        return DelegationView.of(delegations.confirm(caller.actor(), id, request.version()));
    }

    @POST
    @Path("/{id}/reconfirm")
    @RolesAllowed(Roles.UNIT_LEADER)
    @Operation(operationId = "reconfirmDelegation",
                summary = "A unit leader puts a suspended delegation back in force once the competences are valid")
    public DelegationView reconfirm(@PathParam("id") UUID id, @Valid @NotNull TransitionRequest request) {
        return DelegationView.of(delegations.reconfirm(caller.actor(), id, request.version(), request.reason()));
    }

    @POST
    @Path("/{id}/suspend")
    @RolesAllowed({Roles.RHF_ADMIN, Roles.UNIT_LEADER})
    @Operation(operationId = "suspendDelegation", summary = "Suspend an active delegation, with a reason")
    public DelegationView suspend(@PathParam("id") UUID id, @Valid @NotNull TransitionRequest request) {
        return DelegationView.of(delegations.suspend(caller.actor(), id, request.version(), request.reason()));
    }

    @POST
    @Path("/{id}/end")
    @RolesAllowed({Roles.RHF_ADMIN, Roles.UNIT_LEADER})
    @Operation(operationId = "endDelegation", summary = "End a delegation, with a reason")
    public DelegationView end(@PathParam("id") UUID id, @Valid @NotNull TransitionRequest request) {
        return DelegationView.of(delegations.end(caller.actor(), id, request.version(), request.reason()));
    }
}
