package no.torn.grants.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import no.torn.grants.domain.Application;
import no.torn.grants.domain.ExperienceReport;
import no.torn.grants.domain.ExperienceStatus;
import no.torn.grants.domain.PersonnelGroups;
import no.torn.grants.messaging.GrantsEvents;
import no.torn.platform.application.Actor;
import no.torn.platform.application.Idempotency;
import no.torn.platform.application.Transitions;
import no.torn.platform.application.Versions;
import no.torn.platform.audit.AuditTrail;
import no.torn.platform.outbox.Outbox;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.time.Today;

import java.util.List;
import java.util.UUID;

/**
 * The experience-sharing arena's reports: written as drafts inside the RHF, then published to every RHF, which is
 * the one place where data crosses RHF boundaries by design.
 */
@ApplicationScoped
public class ExperienceReports {

    static final String EXPERIENCE_REPORT = "EXPERIENCE_REPORT";

    /** {@code version} is required on update and ignored on create; {@code year} defaults to this year (Oslo). */
    public record ExperienceRequest(
            @NotBlank @Size(max = 60) String hf,
            UUID applicationId,
            @NotBlank @Size(max = 200) String title,
            @NotNull @Pattern(regexp = PersonnelGroups.PATTERN, message = PersonnelGroups.MESSAGE) String fromGroup,
            @NotNull @Pattern(regexp = PersonnelGroups.PATTERN, message = PersonnelGroups.MESSAGE) String toGroup,
            @Size(max = 50) List<@NotNull @Pattern(regexp = PersonnelGroups.TASK_CODE,
                    message = PersonnelGroups.TASK_CODE_MESSAGE) String> taskCodes,
            @NotBlank @Size(max = 10000) String summary,
            @Size(max = 10000) String results,
            @Size(max = 10000) String lessons,
            @Size(max = 10000) String pitfalls,
            @Size(max = 200) String contact,
            @Min(2000) @Max(2200) Integer year,
            Long version) {
    }

    public record PublishRequest(@NotNull Long version) {
    }

    /** What the audit trail keeps of an experience report (the long texts are in the report itself). */
    record ExperienceState(String hf, UUID applicationId, String title, String fromGroup, String toGroup,
                           List<String> taskCodes, int year, ExperienceStatus status) {
        static ExperienceState of(ExperienceReport e) {
            return new ExperienceState(e.hf, e.applicationId, e.title, e.fromGroup, e.toGroup,
                    List.of(e.taskCodes), e.year, e.status);
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

    /** Writes a draft for an HF of the actor's RHF. */
    @Transactional
    public ExperienceReport create(Actor actor, String idempotencyKey, ExperienceRequest request) {
        String rhf = actor.homeRhf();
        String hf = actor.writableHf(rhf, request.hf(), "hf");
        requireDifferentGroups(request);
        UUID id = idempotency.once(actor, idempotencyKey, "grants.create-experience-report", request, UUID.class,
                () -> {
                    ExperienceReport e = new ExperienceReport();
                    e.id = UUID.randomUUID();
                    e.rhf = rhf;
                    e.status = ExperienceStatus.DRAFT;
                    e.createdBy = actor.id();
                    e.createdAt = today.now();
                    apply(e, hf, request);
                    e.persist();
                    audit.record(actor, e.audited(EXPERIENCE_REPORT), "CREATED", null,
                            ExperienceState.of(e), null);
                    return e.id;
                });
        return ExperienceReport.findById(id);
    }

    /** Changes a draft; published reports no longer change. */
    @Transactional
    public ExperienceReport update(Actor actor, UUID id, ExperienceRequest request) {
        ExperienceReport e = own(actor, id);
        Versions.require(e.version, request.version());
        actor.writableHf(e.rhf, e.hf, "hf");
        String hf = actor.writableHf(e.rhf, request.hf(), "hf");
        requireDifferentGroups(request);
        if (e.status != ExperienceStatus.DRAFT) {
            throw ProblemException.rule("Experience report " + id + " is published and can no longer change");
        }
        ExperienceState before = ExperienceState.of(e);
        apply(e, hf, request);
        audit.record(actor, e.audited(EXPERIENCE_REPORT), "UPDATED", before, ExperienceState.of(e), null);
        return e;
    }

    /** Publishes a draft to every RHF. */
    @Transactional
    public ExperienceReport publish(Actor actor, UUID id, PublishRequest request) {
        ExperienceReport e = own(actor, id);
        Versions.require(e.version, request.version());
        actor.writableHf(e.rhf, e.hf, "hf");
        ExperienceState before = ExperienceState.of(e);
        e.status = Transitions.move(e.status, ExperienceStatus.PUBLISHED, "Experience report " + id);
        e.publishedAt = today.now();
        e.updatedAt = e.publishedAt;
        audit.record(actor, e.audited(EXPERIENCE_REPORT), "PUBLISHED", before, ExperienceState.of(e), null);
        ExperienceReport.flush();
        outbox.publish(GrantsEvents.EXPERIENCE_REPORT_PUBLISHED, e.id, e.rhf,
                new GrantsEvents.ExperienceReportPublished(e.id, e.rhf, e.hf, e.applicationId, e.title, e.fromGroup,
                        e.toGroup, List.of(e.taskCodes), e.year, e.publishedAt, e.version));
        return e;
    }

    /** A report as a reader sees it: published ones from any RHF, drafts only within their own (404 otherwise). */
    public ExperienceReport get(Actor actor, UUID id) {
        ExperienceReport e = ExperienceReport.findById(id);
        if (e == null || e.status != ExperienceStatus.PUBLISHED && !actor.canSee(e.rhf)) {
            throw ProblemException.notFound("Experience report", id);
        }
        return e;
    }

    /** A report of the actor's own RHF, for writes: another RHF's report is absent (404), published or not. */
    private static ExperienceReport own(Actor actor, UUID id) {
        ExperienceReport e = ExperienceReport.findById(id);
        return actor.visible(e, e == null ? null : e.rhf, "Experience report", id);
    }

    private static void requireDifferentGroups(ExperienceRequest request) {
        if (request.fromGroup().equals(request.toGroup())) {
            throw ProblemException.invalid("toGroup", "must differ from fromGroup");
        }
    }

    private void apply(ExperienceReport e, String hf, ExperienceRequest request) {
        if (request.applicationId() != null) {
            Application a = Application.findById(request.applicationId());
            if (a == null || !a.rhf.equals(e.rhf)) {
                throw ProblemException.rule("Application " + request.applicationId() + " was not found");
            }
        }
        e.hf = hf;
        e.applicationId = request.applicationId();
        e.title = request.title();
        e.fromGroup = request.fromGroup();
        e.toGroup = request.toGroup();
        e.taskCodes = request.taskCodes() == null ? new String[0]
                : request.taskCodes().stream().distinct().toArray(String[]::new);
        e.summary = request.summary();
        e.results = request.results() == null ? "" : request.results();
        e.lessons = request.lessons() == null ? "" : request.lessons();
        e.pitfalls = request.pitfalls() == null ? "" : request.pitfalls();
        e.contact = request.contact() == null ? "" : request.contact();
        e.year = request.year() == null ? today.date().getYear() : request.year();
        e.updatedAt = today.now();
    }
}
