package no.torn.responsibility.api;

import no.torn.platform.api.QueryParams;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import no.torn.platform.api.QueryFilter;
import no.torn.platform.api.PageRequest;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.Caller;
import no.torn.platform.tenancy.Roles;
import no.torn.responsibility.api.Dtos.ConfirmationRequest;
import no.torn.responsibility.api.Dtos.DelegationRequest;
import no.torn.responsibility.api.Dtos.DelegationView;
import no.torn.responsibility.api.Dtos.TransitionRequest;
import no.torn.responsibility.domain.Clarification;
import no.torn.responsibility.domain.Delegation;
import no.torn.responsibility.domain.DelegationStatus;
import no.torn.responsibility.domain.DelegationWorkflow;
import no.torn.responsibility.domain.EmployeeView;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

@Path("/api/v1/responsibility/delegations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Delegations", description = "Health Personnel Act §5 delegations to named employees")
public class DelegationResource {

    @Inject
    Caller caller;

    @Inject
    DelegationWorkflow workflow;

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.AUDITOR,
            Roles.HR_INTEGRATION})
    @Operation(summary = "List delegations, filtered by hf, unit, clarification, employee, task and status")
    public Page<DelegationView> list(@QueryParam("rhf") String rhf, @QueryParam("hf") String hf,
                                     @QueryParam("unit") String unit,
                                     @QueryParam("clarificationId") String clarificationId,
                                     @QueryParam("employeeId") String employeeId,
                                     @QueryParam("taskCode") String taskCode,
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
    @Operation(summary = "Read one delegation (an employee only their own)")
    public DelegationView get(@PathParam("id") UUID id) {
        Delegation d = visible(id);
        if (!caller.isNationalAdmin() && onlyEmployee() && !isOwn(d)) {
            throw ProblemException.notFound("Delegation", id);
        }
        return DelegationView.of(d);
    }

    @POST
    @RolesAllowed({Roles.RHF_ADMIN, Roles.UNIT_LEADER})
    @Operation(summary = "Delegate a task to a named employee under an active clarification; checks competences")
    public Response create(@Valid @NotNull DelegationRequest request,
                           @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey) {
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey;
        if (key != null) {
            Optional<Delegation> earlier = Delegation.find("rhf = ?1 and idempotencyKey = ?2", caller.rhf(), key)
                    .firstResultOptional();
            if (earlier.isPresent()) {
                return created(earlier.get());
            }
        }
        if (request.validTo() != null && request.validTo().isBefore(request.validFrom())) {
            throw ProblemException.invalid("validTo", "must not be before validFrom");
        }
        Clarification c = Clarification.findById(request.clarificationId());
        if (c == null || !c.rhf.equals(caller.rhf())) {
            throw ProblemException.notFound("Clarification", request.clarificationId());
        }
        Access.requireLeaderOf(caller, c.hf);
        Delegation d = workflow.create(c, new DelegationWorkflow.Draft(request.employeeId(), request.delegator(),
                request.supervisor(), request.validFrom(), request.validTo()), caller.id(), key);
        return created(d);
    }

    @POST
    @Path("/{id}/confirm")
    @RolesAllowed(Roles.EMPLOYEE)
    @Operation(summary = "The employee confirms they consider themselves competent; the delegation becomes active")
    public DelegationView confirm(@PathParam("id") UUID id, @Valid @NotNull ConfirmationRequest request) {
        Delegation d = visible(id);
        if (!isOwn(d)) {
            throw ProblemException.forbidden("Only the employee the task is delegated to can confirm it");
        }
        return DelegationView.of(workflow.confirm(id, request.version(), caller.id()));
    }

    @POST
    @Path("/{id}/reconfirm")
    @RolesAllowed(Roles.UNIT_LEADER)
    @Operation(summary = "A unit leader puts a suspended delegation back in force once the competences are valid")
    public DelegationView reconfirm(@PathParam("id") UUID id, @Valid @NotNull TransitionRequest request) {
        Delegation d = visible(id);
        Access.requireLeaderOf(caller, d.hf);
        return DelegationView.of(workflow.reconfirm(id, request.version(), caller.id(),
                ClarificationResource.requireReason(request)));
    }

    @POST
    @Path("/{id}/suspend")
    @RolesAllowed({Roles.RHF_ADMIN, Roles.UNIT_LEADER})
    @Operation(summary = "Suspend an active delegation, with a reason")
    public DelegationView suspend(@PathParam("id") UUID id, @Valid @NotNull TransitionRequest request) {
        Delegation d = visible(id);
        Access.requireLeaderOf(caller, d.hf);
        return DelegationView.of(workflow.suspend(id, request.version(), caller.id(),
                ClarificationResource.requireReason(request)));
    }

    @POST
    @Path("/{id}/end")
    @RolesAllowed({Roles.RHF_ADMIN, Roles.UNIT_LEADER})
    @Operation(summary = "End a delegation, with a reason")
    public DelegationView end(@PathParam("id") UUID id, @Valid @NotNull TransitionRequest request) {
        Delegation d = visible(id);
        Access.requireLeaderOf(caller, d.hf);
        return DelegationView.of(workflow.end(id, request.version(), caller.id(),
                ClarificationResource.requireReason(request)));
    }

    private Delegation visible(UUID id) {
        Delegation d = Delegation.findById(id);
        return caller.visible(d, d == null ? null : d.rhf, "Delegation", id);
    }

    private boolean onlyEmployee() {
        for (String role : Access.READERS) {
            if (caller.hasRole(role)) {
                return false;
            }
        }
        return true;
    }

    /** The token's employee_number (and HF) name the employee of the delegation. */
    private boolean isOwn(Delegation d) {
        Optional<String> number = caller.employeeNumber();
        if (number.isEmpty() || !caller.hasRole(Roles.EMPLOYEE)) {
            return false;
        }
        EmployeeView employee = EmployeeView.findById(d.employeeId);
        return employee != null && employee.rhf.equals(caller.rhf()) && number.get().equals(employee.employeeNumber)
                && caller.hf().map(hf -> hf.equals(employee.hf)).orElse(false);
    }

    private static Response created(Delegation d) {
        return Response.created(URI.create("/api/v1/responsibility/delegations/" + d.id))
                .entity(DelegationView.of(d)).build();
    }
}
