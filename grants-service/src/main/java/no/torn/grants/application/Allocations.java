package no.torn.grants.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import no.torn.grants.domain.Allocation;
import no.torn.grants.domain.AllocationCalculator;
import no.torn.grants.domain.AllocationInputs;
import no.torn.grants.domain.AllocationShare;
import no.torn.grants.domain.GrantRound;
import no.torn.grants.domain.Json;
import no.torn.grants.domain.RhfPot;
import no.torn.grants.messaging.GrantsEvents;
import no.torn.platform.application.Actor;
import no.torn.platform.application.Idempotency;
import no.torn.platform.audit.AuditTrail;
import no.torn.platform.audit.Audited;
import no.torn.platform.outbox.Outbox;
import no.torn.platform.time.Today;

import java.util.List;
import java.util.UUID;

/**
 * HF allocations: each computation of an RHF pot's allocation is stored as a new version with its inputs and
 * arithmetic, until the round is locked; only the newest is current.
 */
@ApplicationScoped
public class Allocations {

    static final String ALLOCATION = "ALLOCATION";

    /** Compute (or recompute) the allocation of an RHF's pot in a round. */
    public record ComputeRequest(@NotNull UUID roundId, String rhf) {
    }

    /** What the audit trail keeps of an allocation: the figures, not the whole arithmetic. */
    record AllocationState(UUID allocationId, int allocationVersion, long hfPot, long minimumAmount,
                           List<AllocationCalculator.Participant> participants, List<HfAmount> amounts) {
        static AllocationState of(Allocation a) {
            AllocationInputs inputs = a.inputsValue();
            return new AllocationState(a.id, a.allocationVersion, a.hfPot, inputs.minimumAmount(),
                    inputs.participants(), a.arithmeticValue().shares().stream()
                    .map(s -> new HfAmount(s.hf(), s.amount())).toList());
        }
    }

    record HfAmount(String hf, long amount) {
    }

    @Inject
    GrantRounds rounds;

    @Inject
    Idempotency idempotency;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    Today today;

    /** @param request the round and the RHF whose pot is computed (the caller's own unless a national admin) */
    @Transactional
    public Allocation compute(Actor actor, String idempotencyKey, ComputeRequest request) {
        GrantRound round = rounds.get(request.roundId());
        RhfPot pot = rounds.pot(actor, round.id, request.rhf());
        UUID id = idempotency.once(actor, idempotencyKey, "grants.compute-allocation", request, UUID.class, () -> {
            GrantRounds.requireEditable(round, pot);
            AllocationInputs inputs = new AllocationInputs(pot.amount, pot.rhfActivitiesAmount,
                    pot.rhfActivitiesPercent, pot.evaluationReserve, pot.minimumAmount, pot.participantList());
            AllocationInputs.Outcome outcome = inputs.compute();
            Allocation previous = Allocation.<Allocation>find("potId = ?1 and current = true", pot.id)
                    .firstResult();
            if (previous != null) {
                previous.current = false;
                Allocation.flush(); // the partial unique index allows one current row per pot
            }
            Allocation allocation = new Allocation();
            allocation.id = UUID.randomUUID();
            allocation.roundId = round.id;
            allocation.potId = pot.id;
            allocation.rhf = pot.rhf;
            allocation.allocationVersion = nextVersion(pot);
            allocation.current = true;
            allocation.hfPot = outcome.split().hfPot();
            allocation.inputs = Json.write(inputs);
            allocation.arithmetic = Json.write(outcome.result());
            allocation.computedBy = actor.id();
            allocation.computedAt = today.now();
            allocation.persist();
            for (AllocationCalculator.Share s : outcome.result().shares()) {
                AllocationShare share = new AllocationShare();
                share.id = UUID.randomUUID();
                share.allocationId = allocation.id;
                share.roundId = round.id;
                share.rhf = pot.rhf;
                share.hf = s.hf();
                share.amount = s.amount();
                share.persist();
            }
            audit.record(actor, Audited.of(ALLOCATION, allocation.id, pot.rhf), "COMPUTED",
                    previous == null ? null : AllocationState.of(previous), AllocationState.of(allocation), null);
            outbox.publish(GrantsEvents.ALLOCATION_COMPUTED, allocation.id, pot.rhf,
                    new GrantsEvents.AllocationComputed(allocation.id, round.id, pot.rhf, round.year,
                            allocation.allocationVersion, outcome.split().rhfPot(), outcome.split().rhfActivities(),
                            outcome.split().evaluationReserve(), outcome.split().hfPot(), inputs.minimumAmount(),
                            outcome.result().shares().stream()
                                    .map(s -> new GrantsEvents.HfAmount(s.hf(), s.baseFrame(), s.amount()))
                                    .toList()));
            return allocation.id;
        });
        return Allocation.findById(id);
    }

    /** An allocation of the actor's RHF (404 otherwise). */
    public Allocation get(Actor actor, UUID id) {
        Allocation allocation = Allocation.findById(id);
        return actor.visible(allocation, allocation == null ? null : allocation.rhf, "Allocation", id);
    }

    private static int nextVersion(RhfPot pot) {
        Integer last = Allocation.find("select max(a.allocationVersion) from Allocation a where a.potId = ?1", pot.id)
                .project(Integer.class).firstResult();
        return last == null ? 1 : last + 1;
    }
}
