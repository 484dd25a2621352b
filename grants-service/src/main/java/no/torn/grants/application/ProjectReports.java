package no.torn.grants.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import no.torn.grants.application.Applications.ApplicationState;
import no.torn.grants.domain.Application;
import no.torn.grants.domain.ApplicationStatus;
import no.torn.grants.domain.ProjectReport;
import no.torn.grants.domain.ReportKind;
import no.torn.grants.domain.ReportStatus;
import no.torn.grants.messaging.GrantsEvents;
import no.torn.platform.application.Actor;
import no.torn.platform.application.Idempotency;
import no.torn.platform.application.Transitions;
import no.torn.platform.application.Versions;
import no.torn.platform.audit.AuditTrail;
import no.torn.platform.outbox.Outbox;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.time.Today;

import java.math.BigDecimal;
import java.util.UUID;

/** Progress and final reports of granted projects; an approved final report closes the project. */
@ApplicationScoped
public class ProjectReports {

    static final String REPORT = "PROJECT_REPORT";

    public record ReportRequest(
            @NotNull UUID applicationId,
            @NotNull ReportKind kind,
            @NotBlank @Size(max = 10000) String summary,
            @NotNull @DecimalMin("0") @Digits(integer = 6, fraction = 2, message = "must have at most 6 digits and 2 "
                    + "decimals (hours are reported to the hundredth)") BigDecimal hoursPerWeekMoved,
            @NotNull @PositiveOrZero Integer staffTrained,
            @NotNull @PositiveOrZero Integer delegationsActive) {
    }

    public record ReportDecisionRequest(@Size(max = 5000) String comment, @NotNull Long version) {
    }

    /** What the audit trail keeps of a report. */
    record ReportState(ReportKind kind, ReportStatus status, BigDecimal hoursPerWeekMoved, int staffTrained,
                       int delegationsActive, String reviewComment) {
        static ReportState of(ProjectReport r) {
            return new ReportState(r.kind, r.status, r.hoursPerWeekMoved, r.staffTrained, r.delegationsActive,
                    r.reviewComment);
        }
    }

    @Inject
    Idempotency idempotency;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    Today today;

    /** Files a report on a granted, running project of an HF the actor acts for. */
    @Transactional
    public ProjectReport submit(Actor actor, String idempotencyKey, ReportRequest request) {
        Application a = Application.findById(request.applicationId());
        if (a == null || !actor.canSee(a.rhf)) {
            throw ProblemException.rule("Application " + request.applicationId() + " was not found");
        }
        actor.writableHf(a.rhf, a.hf, "applicationId");
        UUID id = idempotency.once(actor, idempotencyKey, "grants.submit-report", request, UUID.class, () -> {
            if (a.status != ApplicationStatus.GRANTED) {
                throw ProblemException.rule("Only a granted, running project reports; application " + a.id
                        + " is " + a.status);
            }
            if (request.kind() == ReportKind.FINAL && ProjectReport.count(
                    "applicationId = ?1 and kind = ?2 and status = ?3", a.id, ReportKind.FINAL,
                    ReportStatus.SUBMITTED) > 0) {
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
            r.submittedBy = actor.id();
            r.submittedAt = today.now();
            r.persist();
            audit.record(actor, r.audited(REPORT), "SUBMITTED", null, ReportState.of(r), null);
            return r.id;
        });
        return ProjectReport.findById(id);
    }

    /** Approves a submitted report; an approved final report closes the project. */
    @Transactional
    public ProjectReport approve(Actor actor, UUID id, ReportDecisionRequest request) {
        ProjectReport r = get(actor, id);
        Versions.require(r.version, request.version());
        ReportState before = ReportState.of(r);
        decide(actor, r, ReportStatus.APPROVED, request.comment());
        Application a = Application.findById(r.applicationId);
        if (r.kind == ReportKind.FINAL) {
            ApplicationState project = ApplicationState.of(a);
            a.status = Transitions.move(a.status, ApplicationStatus.CLOSED, "Application " + a.id);
            a.closedAt = r.decidedAt;
            if (a.publishedAt != null) {
                a.publicChangedAt = a.closedAt; // a published award now shows as completed
            }
            audit.record(actor, a.audited(Applications.APPLICATION), "CLOSED", project,
                    ApplicationState.of(a), "final report " + r.id + " approved");
        }
        audit.record(actor, r.audited(REPORT), "APPROVED", before, ReportState.of(r), request.comment());
        ProjectReport.flush();
        outbox.publish(GrantsEvents.REPORT_APPROVED, r.id, r.rhf, new GrantsEvents.ReportApproved(r.id,
                r.applicationId, r.rhf, r.hf, r.kind.name(), r.hoursPerWeekMoved, r.staffTrained,
                r.delegationsActive, a.status.name(), r.version));
        return r;
    }

    /** Returns a submitted report to the HF with a comment saying why. */
    @Transactional
    public ProjectReport giveBack(Actor actor, UUID id, ReportDecisionRequest request) {
        ProjectReport r = get(actor, id);
        Versions.require(r.version, request.version());
        if (request.comment() == null || request.comment().isBlank()) {
            throw ProblemException.invalid("comment", "must say why the report is returned");
        }
        ReportState before = ReportState.of(r);
        decide(actor, r, ReportStatus.RETURNED, request.comment());
        audit.record(actor, r.audited(REPORT), "RETURNED", before, ReportState.of(r), request.comment());
        return r;
    }

    /** A report of the actor's RHF (404 otherwise). */
    public ProjectReport get(Actor actor, UUID id) {
        ProjectReport r = ProjectReport.findById(id);
        return actor.visible(r, r == null ? null : r.rhf, "Report", id);
    }

    private void decide(Actor actor, ProjectReport r, ReportStatus outcome, String comment) {
        r.status = Transitions.move(r.status, outcome, "Report " + r.id);
        r.reviewComment = comment;
        r.decidedBy = actor.id();
        r.decidedAt = today.now();
    }
}
