package no.torn.grants.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.quarkus.panache.common.Sort;
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
import no.torn.grants.api.ApplicationDtos.ApplicationView;
import no.torn.grants.api.ApplicationDtos.ReviewView;
import no.torn.grants.application.Applications;
import no.torn.grants.application.Applications.ApplicationRequest;
import no.torn.grants.application.Applications.ReviewRequest;
import no.torn.grants.application.GrantDecisions;
import no.torn.grants.application.GrantDecisions.DecisionRequest;
import no.torn.grants.domain.Application;
import no.torn.grants.domain.ApplicationReview;
import no.torn.grants.domain.ApplicationStatus;
import no.torn.platform.api.Page;
import no.torn.platform.api.PageRequest;
import no.torn.platform.api.QueryFilter;
import no.torn.platform.api.QueryParams;
import no.torn.platform.application.Idempotency;
import no.torn.platform.tenancy.Caller;
import no.torn.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/api/v1/grants/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Applications", description = "HF project applications, RHF review and decisions")
public class ApplicationResource {

    @Inject
    Caller caller;

    @Inject
    Applications applications;

    @Inject
    GrantDecisions decisions;

    @POST
    @RolesAllowed({Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER})
    @Operation(operationId = "submitGrantApplication",
                summary = "Submit a project application for an HF of the caller's RHF")
    @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION)
    @APIResponse(responseCode = "201", description = "The submitted application",
            content = @Content(mediaType = "application/json",
                    schema = @Schema(implementation = ApplicationView.class)))
    public Response submit(@Valid @NotNull ApplicationRequest request, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        Application a = applications.submit(caller.actor(), idempotencyKey, request);
        return Response.created(URI.create("/api/v1/grants/applications/" + a.id)).entity(view(a)).build();
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.HR_INTEGRATION,
            Roles.AUDITOR})
    @Operation(operationId = "listGrantApplications",
                summary = "List applications of the caller's RHF, filtered by round, HF and status")
    public Page<ApplicationView> list(@QueryParam("roundId") String roundParam, @QueryParam("hf") String hf,
                                      @Parameter(description = "Filter by status: SUBMITTED, UNDER_REVIEW, "
                                              + "GRANTED, REJECTED, CLOSED",
                                              example = "SUBMITTED")
                                      @QueryParam("status") String statusParam, @QueryParam("rhf") String rhf,
                                      @Valid @BeanParam PageRequest pageRequest) {
        UUID roundId = QueryParams.uuid(roundParam, "roundId");
        ApplicationStatus status = QueryParams.enumOf(ApplicationStatus.class, statusParam, "status");
        QueryFilter filter = new QueryFilter().eq("rhf", caller.scopeForQuery(rhf).orElse(null))
                .eq("roundId", roundId).eq("hf", hf).eq("status", status);
        return Page.of(Application.find(filter.where(), Sort.descending("submittedAt").and("id"), filter.params()),
                pageRequest, this::view);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.HR_INTEGRATION,
            Roles.AUDITOR})
    @Operation(operationId = "getGrantApplication", summary = "Read an application with its reviews")
    public ApplicationView get(@PathParam("id") UUID id) {
        return view(applications.get(caller.actor(), id));
    }

    @POST
    @Path("/{id}/reviews")
    @RolesAllowed(Roles.RHF_ADMIN)
    @Operation(operationId = "reviewGrantApplication", summary = "Score (1–5) and comment an application under review")
    @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION)
    @APIResponse(responseCode = "201", description = "The review",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReviewView.class)))
    public Response review(@PathParam("id") UUID id, @Valid @NotNull ReviewRequest request,
                           @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        ApplicationReview r = applications.review(caller.actor(), idempotencyKey, id,
                request);
        // Reviews are read with their application: Location names it.
        return Response.created(URI.create("/api/v1/grants/applications/" + id)).entity(ReviewView.of(r)).build();
    }

    @POST
    @Path("/{id}/decision")
    @RolesAllowed(Roles.RHF_ADMIN)
    @Operation(operationId = "decideGrantApplication",
                summary = "Grant (an amount within the HF's allocation) or reject (with a reason) an application")
    public ApplicationView decide(@PathParam("id") UUID id, @Valid @NotNull DecisionRequest request) {
        return view(decisions.decide(caller.actor(), id, request));
    }

    private ApplicationView view(Application a) {
        return ApplicationView.of(a, ApplicationReview.list("applicationId", Sort.by("reviewedAt"), a.id));
    }
}
