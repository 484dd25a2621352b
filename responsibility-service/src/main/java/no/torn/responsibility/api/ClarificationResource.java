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
import jakarta.ws.rs.PUT;
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
import no.torn.responsibility.domain.Clarification;
import no.torn.responsibility.domain.ClarificationContent;
import no.torn.responsibility.domain.ClarificationStatus;
import no.torn.responsibility.domain.ClarificationWorkflow;
import no.torn.responsibility.domain.PersonnelGroups;
import no.torn.responsibility.domain.RaciParty;
import no.torn.responsibility.api.Dtos.ClarificationRequest;
import no.torn.responsibility.api.Dtos.ClarificationView;
import no.torn.responsibility.api.Dtos.TransitionRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.Optional;
import java.util.UUID;

@Path("/api/v1/responsibility/clarifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Responsibility clarifications", description = "Ansvarsavklaring per unit and sharing mapping, with four-eyes approval")
public class ClarificationResource {

    @Inject
    Caller caller;

    @Inject
    ClarificationWorkflow workflow;

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.AUDITOR,
            Roles.HR_INTEGRATION, Roles.EMPLOYEE})
    @Operation(summary = "List clarifications, filtered by hf, unit, task, mapping and status")
    public Page<ClarificationView> list(@QueryParam("rhf") String rhf, @QueryParam("hf") String hf,
                                        @QueryParam("unit") String unit, @QueryParam("taskCode") String taskCode,
                                        @QueryParam("mappingId") String mappingId,
                                        @QueryParam("status") String status,
                                        @Valid @BeanParam PageRequest pageRequest) {
        QueryFilter filter = new QueryFilter().eq("rhf", caller.scopeForQuery(rhf).orElse(null))
                .eq("hf", hf).eq("unit", unit).eq("taskCode", taskCode)
                .eq("mappingId", QueryParams.uuid(mappingId, "mappingId"))
                .eq("status", QueryParams.enumOf(ClarificationStatus.class, status, "status"));
        PanacheQuery<Clarification> q = Clarification.find(filter.where() + " order by createdAt desc, id",
                filter.params());
        return Page.of(q, pageRequest, ClarificationView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.AUDITOR,
            Roles.HR_INTEGRATION, Roles.EMPLOYEE})
    @Operation(summary = "Read one clarification")
    public ClarificationView get(@PathParam("id") UUID id) {
        return ClarificationView.of(visible(id));
    }

    @POST
    @RolesAllowed({Roles.RHF_ADMIN, Roles.UNIT_LEADER})
    @Operation(summary = "Draft a clarification for a sharing mapping (or a task) in a unit")
    public Response create(@Valid @NotNull ClarificationRequest request,
                           @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey) {
        String rhf = caller.rhf();
        if (idempotencyKey != null && !idempotencyKey.isBlank()) {
            Optional<Clarification> earlier = Clarification.find("rhf = ?1 and idempotencyKey = ?2", rhf,
                    idempotencyKey).firstResultOptional();
            if (earlier.isPresent()) {
                return created(earlier.get());
            }
        }
        ClarificationContent content = content(request, rhf);
        Clarification c = workflow.create(rhf, content, caller.id(),
                idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey);
        return created(c);
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.RHF_ADMIN, Roles.UNIT_LEADER})
    @Operation(summary = "Replace the content of a draft, suspended or lapsed clarification (version required)")
    public ClarificationView update(@PathParam("id") UUID id, @Valid @NotNull ClarificationRequest request) {
        Clarification c = visible(id);
        Access.requireLeaderOf(caller, c.hf);
        if (request.version() == null) {
            throw ProblemException.invalid("version", "must not be null");
        }
        return ClarificationView.of(workflow.update(id, request.version(), content(request, c.rhf), caller.id()));
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed({Roles.RHF_ADMIN, Roles.UNIT_LEADER})
    @Operation(summary = "Submit for approval (from DRAFT, SUSPENDED or LAPSED)")
    public ClarificationView submit(@PathParam("id") UUID id, @Valid @NotNull TransitionRequest request) {
        Clarification c = visible(id);
        Access.requireLeaderOf(caller, c.hf);
        return ClarificationView.of(workflow.submit(id, request.version(), caller.id(), request.reason()));
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed({Roles.RHF_ADMIN, Roles.UNIT_LEADER})
    @Operation(summary = "Approve a submitted clarification: a unit leader of its HF (or RHF admin) other than the submitter")
    public ClarificationView approve(@PathParam("id") UUID id, @Valid @NotNull TransitionRequest request) {
        Clarification c = visible(id);
        Access.requireLeaderOf(caller, c.hf);
        return ClarificationView.of(workflow.approve(id, request.version(), caller.id(), request.reason()));
    }

    @POST
    @Path("/{id}/return")
    @RolesAllowed({Roles.RHF_ADMIN, Roles.UNIT_LEADER})
    @Operation(summary = "Send a submitted clarification back to draft, with a reason")
    public ClarificationView returnToDraft(@PathParam("id") UUID id, @Valid @NotNull TransitionRequest request) {
        Clarification c = visible(id);
        Access.requireLeaderOf(caller, c.hf);
        return ClarificationView.of(workflow.returnToDraft(id, request.version(), caller.id(),
                requireReason(request)));
    }

    @POST
    @Path("/{id}/suspend")
    @RolesAllowed({Roles.RHF_ADMIN, Roles.UNIT_LEADER})
    @Operation(summary = "Suspend a clarification and its active delegations, with a reason")
    public ClarificationView suspend(@PathParam("id") UUID id, @Valid @NotNull TransitionRequest request) {
        Clarification c = visible(id);
        Access.requireLeaderOf(caller, c.hf);
        return ClarificationView.of(workflow.suspend(id, request.version(), caller.id(), requireReason(request)));
    }

    @POST
    @Path("/{id}/revoke")
    @RolesAllowed({Roles.RHF_ADMIN, Roles.UNIT_LEADER})
    @Operation(summary = "Revoke a clarification for good; its delegations end")
    public ClarificationView revoke(@PathParam("id") UUID id, @Valid @NotNull TransitionRequest request) {
        Clarification c = visible(id);
        Access.requireLeaderOf(caller, c.hf);
        return ClarificationView.of(workflow.revoke(id, request.version(), caller.id(), requireReason(request)));
    }

    private Clarification visible(UUID id) {
        Clarification c = Clarification.findById(id);
        return caller.visible(c, c == null ? null : c.rhf, "Clarification", id);
    }

    private ClarificationContent content(ClarificationRequest request, String rhf) {
        String hf = caller.requireOwnHf(request.hf(), rhf, "hf");
        Access.requireLeaderOf(caller, hf);
        if (request.mappingId() == null && (request.taskCode() == null || request.taskCode().isBlank())) {
            throw ProblemException.invalid("taskCode", "either mappingId or taskCode is required");
        }
        if (request.delegatingGroup() != null && !PersonnelGroups.known(request.delegatingGroup())) {
            throw ProblemException.invalid("delegatingGroup", "unknown personnel group");
        }
        if (request.performingGroup() != null && !PersonnelGroups.known(request.performingGroup())) {
            throw ProblemException.invalid("performingGroup", "unknown personnel group");
        }
        if (!request.reviewDate().isAfter(request.activeFrom())) {
            throw ProblemException.invalid("reviewDate", "must be after activeFrom");
        }
        return new ClarificationContent(hf, request.unit(), request.mappingId(),
                request.taskCode() == null || request.taskCode().isBlank() ? null : request.taskCode(),
                request.delegatingGroup(), request.performingGroup(), request.supervisorRole(),
                request.legalBasis(), request.riskAssessment(), request.conditions(), request.activeFrom(),
                request.reviewDate(), request.parties().stream().map(p -> new RaciParty(p.raci(), p.party())).toList());
    }

    static String requireReason(TransitionRequest request) {
        if (request.reason() == null || request.reason().isBlank()) {
            throw ProblemException.invalid("reason", "must not be blank");
        }
        return request.reason();
    }

    private static Response created(Clarification c) {
        return Response.created(URI.create("/api/v1/responsibility/clarifications/" + c.id))
                .entity(ClarificationView.of(c)).build();
    }
}
