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
import jakarta.ws.rs.PUT;
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
import no.torn.platform.tenancy.HealthRegion;
import no.torn.platform.tenancy.Roles;
import no.torn.responsibility.api.Dtos.ClarificationRequest;
import no.torn.responsibility.api.Dtos.ClarificationView;
import no.torn.responsibility.api.Dtos.TransitionRequest;
import no.torn.responsibility.application.Clarifications;
import no.torn.responsibility.domain.Clarification;
import no.torn.responsibility.domain.ClarificationContent;
import no.torn.responsibility.domain.ClarificationStatus;
import no.torn.responsibility.domain.PersonnelGroups;
import no.torn.responsibility.domain.RaciParty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/responsibility/clarifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Responsibility clarifications", description = "Ansvarsavklaring per unit and sharing mapping, with four-eyes approval")
public class ClarificationResource {

    @Inject
    Caller caller;

    @Inject
    Clarifications clarifications;

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.AUDITOR,
            Roles.HR_INTEGRATION, Roles.EMPLOYEE})
    @Operation(operationId = "listClarifications",
                summary = "List clarifications, filtered by hf, unit, task, mapping and status")
    public Page<ClarificationView> list(@QueryParam("rhf") String rhf, @QueryParam("hf") String hf,
                                        @QueryParam("unit") String unit, @QueryParam("taskCode") String taskCode,
                                        @QueryParam("mappingId") String mappingId,
                                        @Parameter(description = "Filter by status: DRAFT, SUBMITTED, APPROVED, "
                                                + "ACTIVE, SUSPENDED, REVOKED, LAPSED",
                                                example = "DRAFT")
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
    @Operation(operationId = "getClarification", summary = "Read one clarification")
    public ClarificationView get(@PathParam("id") UUID id) {
        return ClarificationView.of(clarifications.get(caller.actor(), id));
    }

    @POST
    @RolesAllowed({Roles.RHF_ADMIN, Roles.UNIT_LEADER})
    @Operation(operationId = "createClarification",
                summary = "Draft a clarification for a sharing mapping (or a task) in a unit; Idempotency-Key honoured")
    @APIResponse(responseCode = "201", description = "The drafted clarification",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ClarificationView.class)))
    public Response create(@Valid @NotNull ClarificationRequest request,
                           @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Clarification c = clarifications.create(caller.actor(), content(request),
                idempotencyKey);
        return Response.created(URI.create("/api/v1/responsibility/clarifications/" + c.id))
                .entity(ClarificationView.of(c)).build();
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.RHF_ADMIN, Roles.UNIT_LEADER})
    @Operation(operationId = "updateClarification",
                summary = "Replace the content of a draft, suspended or lapsed clarification (version required)")
    public ClarificationView update(@PathParam("id") UUID id, @Valid @NotNull ClarificationRequest request) {
        return ClarificationView.of(clarifications.update(caller.actor(), id, request.version(), content(request)));
    }

    @POST
    @Path("/{id}/submit")
    @RolesAllowed({Roles.RHF_ADMIN, Roles.UNIT_LEADER})
    @Operation(operationId = "submitClarification", summary = "Submit for approval (from DRAFT, SUSPENDED or LAPSED)")
    public ClarificationView submit(@PathParam("id") UUID id, @Valid @NotNull TransitionRequest request) {
        return ClarificationView.of(clarifications.submit(caller.actor(), id, request.version(), request.reason()));
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed({Roles.RHF_ADMIN, Roles.UNIT_LEADER})
    @Operation(operationId = "approveClarification",
                summary = "Approve a submitted clarification: a unit leader of its HF (or RHF admin) other than the submitter")
    public ClarificationView approve(@PathParam("id") UUID id, @Valid @NotNull TransitionRequest request) {
        return ClarificationView.of(clarifications.approve(caller.actor(), id, request.version(), request.reason()));
    }

    @POST
    @Path("/{id}/return")
    @RolesAllowed({Roles.RHF_ADMIN, Roles.UNIT_LEADER})
    @Operation(operationId = "returnClarificationToDraft",
                summary = "Send a submitted clarification back to draft, with a reason")
    public ClarificationView returnToDraft(@PathParam("id") UUID id, @Valid @NotNull TransitionRequest request) {
        return ClarificationView.of(clarifications.returnToDraft(caller.actor(), id, request.version(),
                request.reason()));
    }

    @POST
    @Path("/{id}/suspend")
    @RolesAllowed({Roles.RHF_ADMIN, Roles.UNIT_LEADER})
    @Operation(operationId = "suspendClarification",
                summary = "Suspend a clarification and its active delegations, with a reason")
    public ClarificationView suspend(@PathParam("id") UUID id, @Valid @NotNull TransitionRequest request) {
        return ClarificationView.of(clarifications.suspend(caller.actor(), id, request.version(), request.reason()));
    }

    @POST
    @Path("/{id}/revoke")
    @RolesAllowed({Roles.RHF_ADMIN, Roles.UNIT_LEADER})
    @Operation(operationId = "revokeClarification", summary = "Revoke a clarification for good; its delegations end")
    public ClarificationView revoke(@PathParam("id") UUID id, @Valid @NotNull TransitionRequest request) {
        return ClarificationView.of(clarifications.revoke(caller.actor(), id, request.version(), request.reason()));
    }

    /** The request's content, checked for shape; who may write it where is the application's decision. */
    private static ClarificationContent content(ClarificationRequest request) {
        if (HealthRegion.ofHospitalTrust(request.hf()).isEmpty()) {
            throw ProblemException.invalid("hf", "unknown hospital trust " + request.hf());
        }
        boolean noTask = request.taskCode() == null || request.taskCode().isBlank();
        if (request.mappingId() == null && noTask) {
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
        return new ClarificationContent(request.hf(), request.unit(), request.mappingId(),
                noTask ? null : request.taskCode(), request.delegatingGroup(), request.performingGroup(),
                request.supervisorRole(), request.legalBasis(), request.riskAssessment(), request.conditions(),
                request.activeFrom(), request.reviewDate(),
                request.parties().stream().map(p -> new RaciParty(p.raci(), p.party())).toList());
    }
}
