package no.torn.grants.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import no.torn.grants.application.Applications.ApplicationState;
import no.torn.grants.application.Applications.ShareState;
import no.torn.grants.domain.Allocation;
import no.torn.grants.domain.AllocationShare;
import no.torn.grants.domain.Application;
import no.torn.grants.domain.ApplicationStatus;
import no.torn.grants.domain.GrantRound;
import no.torn.grants.domain.PotStatus;
import no.torn.grants.domain.RhfPot;
import no.torn.grants.domain.RoundStatus;
import no.torn.grants.messaging.GrantsEvents;
import no.torn.platform.application.Actor;
import no.torn.platform.application.Transitions;
import no.torn.platform.application.Versions;
import no.torn.platform.audit.AuditTrail;
import no.torn.platform.outbox.Outbox;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.rules.RuleCheck;
import no.torn.platform.time.Today;

import java.util.UUID;

/** The RHF's decision on an application: a grant within the HF's locked allocation, or a reasoned rejection. */
@ApplicationScoped
public class GrantDecisions {

    public enum Outcome { GRANTED, REJECTED }

    public record DecisionRequest(@NotNull Outcome outcome, @Positive Long grantedAmount,
                                  @Size(max = 5000) String reason, @NotNull Long version) {
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
    public Application decide(Actor actor, UUID id, DecisionRequest request) {
        Application a = applications.get(actor, id);
        Versions.require(a.version, request.version());
        boolean grant = request.outcome() == Outcome.GRANTED;
        if (grant && request.grantedAmount() == null) {
            throw ProblemException.invalid("grantedAmount", "must be given when granting");
        }
        if (!grant && (request.reason() == null || request.reason().isBlank())) {
            throw ProblemException.invalid("reason", "must be given when rejecting");
        }
        ApplicationState before = ApplicationState.of(a);
        a.status = Transitions.move(a.status, grant ? ApplicationStatus.GRANTED : ApplicationStatus.REJECTED,
                "Application " + id);
        ShareState share = null;
        if (grant) {
            share = book(a, request.grantedAmount());
            a.grantedAmount = request.grantedAmount();
        }
        a.decisionReason = request.reason();
        a.decidedBy = actor.id();
        a.decidedAt = today.now();
        audit.record(actor, a.audited(Applications.APPLICATION), a.status.name(), before,
                ApplicationState.of(a, share), request.reason());
        Application.flush();
        outbox.publish(GrantsEvents.APPLICATION_DECIDED, a.id, a.rhf, new GrantsEvents.ApplicationDecided(a.id,
                a.roundId, a.rhf, a.hf, a.status.name(), a.grantedAmount, a.decisionReason, a.version));
        return a;
    }

    /**
     * Books a grant against the HF's share of the locked allocation. The share row is locked for the rest of the
     * transaction, so concurrent decisions for the same HF are serialised and can never exceed the allocation.
     */
    private static ShareState book(Application a, long amount) {
        if (amount > a.requestedAmount) {
            throw ProblemException.rule("The granted amount " + amount + " NOK exceeds the requested "
                    + a.requestedAmount + " NOK");
        }
        GrantRound round = GrantRound.findById(a.roundId);
        RhfPot pot = RhfPot.of(a.roundId, a.rhf).orElse(null);
        // Only the RHF's own lock matters: an RHF decides once its allocation is fixed, not when every RHF is.
        RuleCheck.of()
                .require(round.status != RoundStatus.CLOSED, "R-GRANT-01",
                        "Round " + round.id + " is CLOSED; no more grants are decided in it")
                .require(pot != null && pot.status == PotStatus.ALLOCATED, "R-GRANT-01",
                        "Grants are decided once the RHF's allocation is locked; the pot of " + a.rhf + " in round "
                                + round.id + " is " + (pot == null ? "missing" : pot.status.name()))
                .orThrow();
        Allocation allocation = Allocation.find("roundId = ?1 and rhf = ?2 and current = true", a.roundId, a.rhf)
                .firstResult();
        AllocationShare share = allocation == null ? null : AllocationShare
                .<AllocationShare>find("allocationId = ?1 and hf = ?2", allocation.id, a.hf)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
        if (share == null) {
            throw ProblemException.rule("HF " + a.hf + " has no allocation in round " + a.roundId);
        }
        if (amount > share.available()) {
            throw ProblemException.rule("Granting " + amount + " NOK would exceed the allocation of HF " + a.hf
                    + ": " + share.amount + " NOK allocated, " + share.granted + " NOK already granted, "
                    + share.available() + " NOK available");
        }
        share.granted += amount;
        return new ShareState(share.allocationId, share.amount, share.granted, share.available());
    }
}
