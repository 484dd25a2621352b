package no.torn.grants.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import no.torn.grants.domain.Application;
import no.torn.grants.domain.ApplicationReview;
import no.torn.grants.domain.ApplicationStatus;
import no.torn.grants.domain.GrantRound;
import no.torn.grants.domain.PersonnelGroups;
import no.torn.grants.domain.ProjectKind;
import no.torn.grants.domain.RoundStatus;
import no.torn.grants.messaging.GrantsEvents;
import no.torn.platform.application.Actor;
import no.torn.platform.application.Idempotency;
import no.torn.platform.application.Transitions;
import no.torn.platform.audit.AuditTrail;
import no.torn.platform.outbox.Outbox;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.time.Today;

import java.util.List;
import java.util.UUID;

/** HF project applications: submission for an HF of the actor's RHF, and the RHF's reviews. */
@ApplicationScoped
public class Applications {

    static final String APPLICATION = "APPLICATION";

    public record ApplicationRequest(
            @NotNull UUID roundId,
            @NotBlank @Size(max = 60) String hf,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 200) String department,
            @NotNull @Pattern(regexp = PersonnelGroups.PATTERN, message = PersonnelGroups.MESSAGE) String fromGroup,
            @NotNull @Pattern(regexp = PersonnelGroups.PATTERN, message = PersonnelGroups.MESSAGE) String toGroup,
            @Size(max = 50) List<@NotNull @Pattern(regexp = PersonnelGroups.TASK_CODE,
                    message = PersonnelGroups.TASK_CODE_MESSAGE) String> taskCodes,
            @NotBlank @Size(max = 10000) String description,
            @NotNull ProjectKind kind,
            @NotNull @PositiveOrZero Long requestedAmount,
            @NotBlank @Size(max = 200) String contactName,
            @NotBlank @Email @Size(max = 200) String contactEmail) {
    }

    public record ReviewRequest(@NotNull @Min(1) @Max(5) Integer score,
                                @NotBlank @Size(max = 5000) String comment) {
    }

    /** What the audit trail keeps of an application; {@code share} is the HF's allocation share a grant drew on. */
    record ApplicationState(String title, ApplicationStatus status, long requestedAmount, Long grantedAmount,
                            String decisionReason, ShareState share) {
        static ApplicationState of(Application a) {
            return of(a, null);
        }

        static ApplicationState of(Application a, ShareState share) {
            return new ApplicationState(a.title, a.status, a.requestedAmount, a.grantedAmount, a.decisionReason,
                    share);
        }
    }

    record ShareState(UUID allocationId, long allocated, long granted, long available) {
    }

    record ReviewState(ApplicationStatus status, Integer score, String comment) {
    }

    /** A review as the idempotency fingerprint sees it: which application, and what was said. */
    record Reviewing(UUID applicationId, ReviewRequest review) {
    }

    @Inject
    Idempotency idempotency;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    Today today;

    /** Submits an application for an HF of the actor's RHF; HF-bound roles only for their own HF. */
    @Transactional
    public Application submit(Actor actor, String idempotencyKey, ApplicationRequest request) {
        String rhf = actor.homeRhf();
        String hf = actor.writableHf(rhf, request.hf(), "hf");
        if (request.fromGroup().equals(request.toGroup())) {
            throw ProblemException.invalid("toGroup", "must differ from fromGroup");
        }
        UUID id = idempotency.once(actor, idempotencyKey, "grants.submit-application", request, UUID.class, () -> {
            GrantRound round = GrantRound.findById(request.roundId());
            if (round == null) {
                throw ProblemException.rule("Grant round " + request.roundId() + " was not found");
            }
            if (round.status == RoundStatus.CLOSED) {
                throw ProblemException.rule("Round " + round.id + " is closed for applications");
            }
            Application a = new Application();
            a.id = UUID.randomUUID();
            a.roundId = round.id;
            a.rhf = rhf;
            a.hf = hf;
            a.title = request.title();
            a.department = request.department();
            a.fromGroup = request.fromGroup();
            a.toGroup = request.toGroup();
            a.taskCodes = request.taskCodes() == null ? new String[0]
                    : request.taskCodes().stream().distinct().toArray(String[]::new);
            a.description = request.description();
            a.kind = request.kind();
            a.requestedAmount = request.requestedAmount();
            a.contactName = request.contactName();
            a.contactEmail = request.contactEmail();
            a.status = ApplicationStatus.SUBMITTED;
            a.submittedBy = actor.id();
            a.submittedAt = today.now();
            a.persist();
            audit.record(actor, a.audited(APPLICATION), "SUBMITTED", null, ApplicationState.of(a), null);
            Application.flush();
            outbox.publish(GrantsEvents.APPLICATION_SUBMITTED, a.id, rhf, new GrantsEvents.ApplicationSubmitted(
                    a.id, a.roundId, rhf, a.hf, a.title, a.fromGroup, a.toGroup, List.of(a.taskCodes),
                    a.kind.name(), a.requestedAmount, a.status.name(), a.version));
            return a.id;
        });
        return Application.findById(id);
    }

    /** Scores and comments an application that is not decided yet; it is then under review. */
    @Transactional
    public ApplicationReview review(Actor actor, String idempotencyKey, UUID applicationId, ReviewRequest request) {
        Application a = get(actor, applicationId);
        UUID id = idempotency.once(actor, idempotencyKey, "grants.review-application",
                new Reviewing(applicationId, request), UUID.class, () -> {
                    ApplicationStatus before = a.status;
                    a.status = Transitions.move(a.status, ApplicationStatus.UNDER_REVIEW, "Application " + a.id);
                    ApplicationReview r = new ApplicationReview();
                    r.id = UUID.randomUUID();
                    r.applicationId = a.id;
                    r.rhf = a.rhf;
                    r.score = request.score();
                    r.comment = request.comment();
                    r.reviewedBy = actor.id();
                    r.reviewedAt = today.now();
                    r.persist();
                    audit.record(actor, a.audited(APPLICATION), "REVIEWED",
                            new ReviewState(before, null, null), new ReviewState(a.status, r.score, r.comment),
                            null);
                    return r.id;
                });
        return ApplicationReview.findById(id);
    }

    /** An application of the actor's RHF (404 otherwise). */
    public Application get(Actor actor, UUID id) {
        Application a = Application.findById(id);
        return actor.visible(a, a == null ? null : a.rhf, "Application", id);
    }
}
