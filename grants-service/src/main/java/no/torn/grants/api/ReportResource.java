package no.torn.grants.api;

import no.torn.platform.api.QueryParams;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
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
import jakarta.ws.rs.core.Response;
import no.torn.grants.api.ApplicationDtos.ReportDecisionRequest;
import no.torn.grants.api.ApplicationDtos.ReportRequest;
import no.torn.grants.api.ApplicationDtos.ReportView;
import no.torn.grants.domain.Application;
import no.torn.grants.domain.ApplicationStatus;
import no.torn.grants.domain.ProjectReport;
import no.torn.grants.domain.ReportKind;
import no.torn.grants.domain.ReportStatus;
import no.torn.grants.messaging.GrantsEvents;
import no.torn.platform.api.Page;
import no.torn.platform.api.QueryFilter;
import no.torn.platform.api.PageRequest;
import no.torn.platform.outbox.Outbox;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.tenancy.Caller;
import no.torn.platform.tenancy.Roles;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.time.Clock;
import java.util.UUID;

@Path("/api/v1/grants/reports")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Project reports", description = "Progress and final reports of granted projects")
public class ReportResource {

    @Inject
    Caller caller;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @POST
    @Transactional
    @RolesAllowed({Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER})
    @Operation(summary = "Report progress on, or finish, a granted project")
    public Response submit(@Valid @NotNull ReportRequest request) {
        Application a = Application.findById(request.applicationId());
        if (a == null || !caller.canSee(a.rhf)) {
            throw ProblemException.rule("Application " + request.applicationId() + " was not found");
        }
        Access.actingFor(caller, a.hf, "applicationId");
        if (a.status != ApplicationStatus.GRANTED) {
            throw ProblemException.rule("Only a granted, running project reports; application " + a.id + " is "
                    + a.status);
        }
        if (request.kind() == ReportKind.FINAL && ProjectReport.count("applicationId = ?1 and kind = ?2 and status = ?3",
                a.id, ReportKind.FINAL, ReportStatus.SUBMITTED) > 0) {
            throw ProblemException.conflict("A final report of application " + a.id + " awaits review already");
        }
        ProjectReport r = new ProjectReport();
        r.id = UUID.randomUUID();
        r.applicationId = a.id;
        r.rhf = a.rhf;
        r.hf = a.hf;
        r.kind = request.kind();
        r.summary = request.summary();
        r.hoursPerWeekMoved = request.hoursPerWeekMoved();
        r.staffTrained = request.staffTrained();
        r.delegationsActive = request.delegationsActive();
        r.status = ReportStatus.SUBMITTED;
        r.submittedBy = caller.id();
        r.submittedAt = clock.instant();
        r.persist();
        ProjectReport.flush();
        return Response.created(URI.create("/api/v1/grants/reports/" + r.id)).entity(ReportView.of(r)).build();
    }

    @GET
    @RolesAllowed({Roles.NATIONAL_ADMIN, Roles.RHF_ADMIN, Roles.HF_HR, Roles.UNIT_LEADER, Roles.HR_INTEGRATION,
            Roles.AUDITOR})
    @Operation(summary = "List project reports of the caller's RHF")
    public Page<ReportView> list(@QueryParam("applicationId") String applicationParam, @QueryParam("hf") String hf,
                                 @QueryParam("kind") String kindParam, @QueryParam("status") String statusParam,
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
    @Operation(summary = "Read a project report")
    public ReportView get(@PathParam("id") UUID id) {
        return ReportView.of(report(id));
    }

    @POST
    @Path("/{id}/approve")
    @Transactional
    @RolesAllowed(Roles.RHF_ADMIN)
    @Operation(summary = "Approve a report; an approved final report closes the project")
    public ReportView approve(@PathParam("id") UUID id, @Valid @NotNull ReportDecisionRequest request) {
        ProjectReport r = decidable(id, request);
        r.status = ReportStatus.APPROVED;
        r.reviewComment = request.comment();
        r.decidedBy = caller.id();
        r.decidedAt = clock.instant();
        Application a = Application.findById(r.applicationId);
        if (r.kind == ReportKind.FINAL) {
            a.status = ApplicationStatus.CLOSED;
            a.closedAt = r.decidedAt;
        }
        ProjectReport.flush();
        outbox.publish(GrantsEvents.REPORT_APPROVED, r.id, r.rhf, new GrantsEvents.ReportApproved(r.id,
                r.applicationId, r.rhf, r.hf, r.kind.name(), r.hoursPerWeekMoved, r.staffTrained, r.delegationsActive,
                a.status.name(), r.version));
        return ReportView.of(r);
    }

    @POST
    @Path("/{id}/return")
    @Transactional
    @RolesAllowed(Roles.RHF_ADMIN)
    @Operation(summary = "Return a report to the HF with a comment")
    public ReportView giveBack(@PathParam("id") UUID id, @Valid @NotNull ReportDecisionRequest request) {
        ProjectReport r = decidable(id, request);
        if (request.comment() == null || request.comment().isBlank()) {
            throw ProblemException.invalid("comment", "must say why the report is returned");
        }
        r.status = ReportStatus.RETURNED;
        r.reviewComment = request.comment();
        r.decidedBy = caller.id();
        r.decidedAt = clock.instant();
        ProjectReport.flush();
        return ReportView.of(r);
    }

    private ProjectReport decidable(UUID id, ReportDecisionRequest request) {
        ProjectReport r = report(id);
        Access.requireVersion(request.version(), r.version);
        if (r.status != ReportStatus.SUBMITTED) {
            throw ProblemException.rule("Report " + id + " is " + r.status + " already");
        }
        return r;
    }

    private ProjectReport report(UUID id) {
        ProjectReport r = ProjectReport.findById(id);
        return caller.visible(r, r == null ? null : r.rhf, "Report", id);
    }
}
