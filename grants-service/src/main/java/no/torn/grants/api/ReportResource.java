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
import no.torn.grants.api.ApplicationDtos.ReportView;
import no.torn.grants.application.ProjectReports;
import no.torn.grants.application.ProjectReports.ReportDecisionRequest;
import no.torn.grants.application.ProjectReports.ReportRequest;
import no.torn.grants.domain.ProjectReport;
import no.torn.grants.domain.ReportKind;
import no.torn.grants.domain.ReportStatus;
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

@Path("/api/v1/grants/reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Project reports", description = "Progress and final reports of granted projects")
public class ReportResource {

    @Inject
    Caller caller;

    @Inject
    ProjectReports reports;

    @POST
    @RolesAllowed({Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER})
    @Operation(operationId = "submitProjectReport", summary = "Report progress on, or finish, a granted project")
    @Parameter(name = Idempotency.HEADER, in = ParameterIn.HEADER, description = Idempotency.HEADER_DESCRIPTION)
    @APIResponse(responseCode = "201", description = "The submitted report",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ReportView.class)))
    public Response submit(@Valid @NotNull ReportRequest request, @HeaderParam(Idempotency.HEADER) String idempotencyKey) {
        ProjectReport r = reports.submit(caller.actor(), idempotencyKey, request);
        return Response.created(URI.create("/api/v1/grants/reports/" + r.id)).entity(ReportView.of(r)).build();
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.HR_INTEGRATION,
            Roles.AUDITOR})
    @Operation(operationId = "listProjectReports", summary = "List project reports of the caller's RHF")
    public Page<ReportView> list(@QueryParam("applicationId") String applicationParam, @QueryParam("hf") String hf,
                                 @Parameter(description = "Filter by kind: PROGRESS, FINAL", example = "PROGRESS")
                                 @QueryParam("kind") String kindParam,
                                 @Parameter(description = "Filter by status: SUBMITTED, "
                                         + "APPROVED, RETURNED", example = "SUBMITTED")
                                 @QueryParam("status") String statusParam,
                                 @QueryParam("rhf") String rhf, @Valid @BeanParam PageRequest pageRequest) {
        UUID applicationId = QueryParams.uuid(applicationParam, "applicationId");
        ReportKind kind = QueryParams.enumOf(ReportKind.class, kindParam, "kind");
        ReportStatus status = QueryParams.enumOf(ReportStatus.class, statusParam, "status");
        QueryFilter filter = new QueryFilter().eq("rhf", caller.scopeForQuery(rhf).orElse(null))
                .eq("applicationId", applicationId).eq("hf", hf).eq("kind", kind).eq("status", status);
        return Page.of(ProjectReport.find(filter.where(), Sort.descending("submittedAt").and("id"), filter.params()),
                pageRequest, ReportView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.HR_INTEGRATION,
            Roles.AUDITOR})
    @Operation(operationId = "getProjectReport", summary = "Read a project report")
    public ReportView get(@PathParam("id") UUID id) {
        return ReportView.of(reports.get(caller.actor(), id));
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed(Roles.RHF_ADMIN)
    @Operation(operationId = "approveProjectReport",
                summary = "Approve a report; an approved final report closes the project")
    public ReportView approve(@PathParam("id") UUID id, @Valid @NotNull ReportDecisionRequest request) {
        return ReportView.of(reports.approve(caller.actor(), id, request));
    }

    @POST
    @Path("/{id}/return")
    @RolesAllowed(Roles.RHF_ADMIN)
    @Operation(operationId = "returnProjectReport", summary = "Return a report to the HF with a comment")
    public ReportView giveBack(@PathParam("id") UUID id, @Valid @NotNull ReportDecisionRequest request) {
        return ReportView.of(reports.giveBack(caller.actor(), id, request));
    }
}
