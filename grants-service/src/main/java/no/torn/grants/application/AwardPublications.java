package no.torn.grants.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import no.torn.grants.domain.Application;
import no.torn.grants.messaging.GrantsEvents;
import no.torn.platform.application.Actor;
import no.torn.platform.application.Versions;
import no.torn.platform.audit.AuditTrail;
import no.torn.platform.outbox.Outbox;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.rules.RuleCheck;
import no.torn.platform.time.Today;

import java.time.Instant;
import java.util.UUID;

/**
 * Publishing an award (a granted or completed project) makes it public: the award list of every RHF and the
 * token-free open data. A GRANTED decision alone is not public; withdrawing takes the award off the public lists.
 */
@ApplicationScoped
public class AwardPublications {

    public record PublishRequest(@NotNull Long version) {
    }

    public record WithdrawRequest(@NotNull Long version, @Size(max = 2000) String reason) {
    }

    /** What the audit trail keeps of a publication step. */
    record PublicationState(String status, boolean published, Instant publishedAt) {
        static PublicationState of(Application a) {
            return new PublicationState(a.status.name(), a.publishedAt != null, a.publishedAt);
        }
    }

    @Inject
    Applications applications;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    Today today;

    @Transactional
    public Application publish(Actor actor, UUID id, PublishRequest request) {
        Application a = applications.get(actor, id);
        Versions.require(a.version, request.version());
        RuleCheck.of().require(a.isAward(), "R-AWARD-01", "Only a granted or completed project is an award; "
                + "application " + id + " is " + a.status).orThrow();
        if (a.publishedAt != null) {
            throw ProblemException.conflict("The award " + id + " is published already");
        }
        PublicationState before = PublicationState.of(a);
        a.publishedAt = today.now();
        a.publishedBy = actor.id();
        a.publicChangedAt = a.publishedAt;
        audit.record(actor, a.audited(Applications.APPLICATION), "AWARD_PUBLISHED", before, PublicationState.of(a),
                null);
        Application.flush();
        outbox.publish(GrantsEvents.AWARD_PUBLISHED, a.id, a.rhf, new GrantsEvents.AwardPublished(a.id, a.roundId,
                a.rhf, a.hf, a.title, a.grantedAmount == null ? 0 : a.grantedAmount, a.publishedAt, a.version));
        return a;
    }

    @Transactional
    public Application withdraw(Actor actor, UUID id, WithdrawRequest request) {
        Application a = applications.get(actor, id);
        Versions.require(a.version, request.version());
        if (a.publishedAt == null) {
            throw ProblemException.conflict("The award " + id + " is not published");
        }
        PublicationState before = PublicationState.of(a);
        a.publishedAt = null;
        a.publishedBy = null;
        a.publicChangedAt = today.now();
        audit.record(actor, a.audited(Applications.APPLICATION), "AWARD_WITHDRAWN", before, PublicationState.of(a),
                request.reason());
        Application.flush();
        outbox.publish(GrantsEvents.AWARD_WITHDRAWN, a.id, a.rhf, new GrantsEvents.AwardWithdrawn(a.id, a.roundId,
                a.rhf, a.hf, request.reason(), a.publicChangedAt, a.version));
        return a;
    }
}
