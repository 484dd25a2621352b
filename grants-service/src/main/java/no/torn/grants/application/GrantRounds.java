package no.torn.grants.application;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import no.torn.grants.domain.AllocationCalculator.Participant;
import no.torn.grants.domain.Allocation;
import no.torn.grants.domain.AllocationInputs;
import no.torn.grants.domain.GrantRound;
import no.torn.grants.domain.Json;
import no.torn.grants.domain.PotStatus;
import no.torn.grants.domain.RhfPot;
import no.torn.grants.domain.RoundStatus;
import no.torn.grants.messaging.GrantsEvents;
import no.torn.platform.application.Actor;
import no.torn.platform.application.Idempotency;
import no.torn.platform.application.Transitions;
import no.torn.platform.application.Versions;
import no.torn.platform.audit.AuditTrail;
import no.torn.platform.audit.Audited;
import no.torn.platform.outbox.Outbox;
import no.torn.platform.problem.ProblemException;
import no.torn.platform.rules.RuleCheck;
import no.torn.platform.tenancy.HealthRegion;
import no.torn.platform.time.Today;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** National grant rounds and the RHF pots in them: opening, locking and closing a round, pot amounts and splits. */
@ApplicationScoped
public class GrantRounds {

    static final String DEFAULT_PROGRAMME = "specialist-health";
    static final String ROUND = "GRANT_ROUND";
    static final String POT = "RHF_POT";

    public record PotAmountRequest(@NotBlank String rhf, @NotNull @PositiveOrZero Long amount) {
    }

    public record RoundRequest(
            @NotNull @Min(2000) @Max(2200) Integer year,
            @Pattern(regexp = "[a-z0-9-]{2,60}", message = "must be 2-60 lower-case letters, digits or '-'")
            String programme,
            @NotBlank @Size(max = 200) String title,
            @NotNull @PositiveOrZero Long nationalAmount,
            @Valid @Size(max = 4) List<@NotNull PotAmountRequest> pots) {
    }

    /** {@code version} is required when the pot exists already. */
    public record PotUpdateRequest(@NotNull @PositiveOrZero Long amount, Long version) {
    }

    public record ParticipantRequest(@NotBlank @Size(max = 60) String hf, @NotNull @Positive Long baseFrame) {
    }

    public record SplitRequest(
            @PositiveOrZero Long rhfActivitiesAmount,
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal rhfActivitiesPercent,
            @NotNull @PositiveOrZero Long evaluationReserve,
            @NotNull @PositiveOrZero Long minimumAmount,
            @NotEmpty @Size(max = 2000) @Valid List<@NotNull ParticipantRequest> participants,
            @NotNull Long version) {
    }

    public record StatusRequest(@NotNull RoundStatus status, @NotNull Long version) {
    }

    public record PotStatusRequest(@NotNull PotStatus status, @NotNull Long version) {
    }

    /** What the audit trail keeps of a round. */
    record RoundState(int year, String programme, String title, long nationalAmount, RoundStatus status) {
        static RoundState of(GrantRound r) {
            return new RoundState(r.year, r.programme, r.title, r.nationalAmount, r.status);
        }
    }

    /** What the audit trail keeps of a pot: its amount and split. */
    record PotState(PotStatus status, long amount, Long rhfActivitiesAmount, BigDecimal rhfActivitiesPercent, long evaluationReserve,
                    long minimumAmount, List<Participant> participants) {
        static PotState of(RhfPot p) {
            return new PotState(p.status, p.amount, p.rhfActivitiesAmount, p.rhfActivitiesPercent, p.evaluationReserve,
                    p.minimumAmount, p.participantList());
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

    @Transactional
    public GrantRound open(Actor actor, String idempotencyKey, RoundRequest request) {
        String programme = request.programme() == null ? DEFAULT_PROGRAMME : request.programme();
        List<PotAmountRequest> pots = request.pots() == null ? List.of() : request.pots();
        requireDistinctKnownRhfs(pots);
        UUID id = idempotency.once(actor, idempotencyKey, "grants.open-round", request, UUID.class, () -> {
            long potTotal = pots.stream().mapToLong(PotAmountRequest::amount).sum();
            if (potTotal > request.nationalAmount()) {
                throw ProblemException.rule("The RHF pots (" + potTotal + " NOK) exceed the national amount ("
                        + request.nationalAmount() + " NOK)");
            }
            if (GrantRound.count("year = ?1 and programme = ?2", request.year(), programme) > 0) {
                throw ProblemException.conflict("A round for " + request.year() + " and programme " + programme
                        + " exists already");
            }
            Instant now = today.now();
            GrantRound round = new GrantRound();
            round.id = UUID.randomUUID();
            round.year = request.year();
            round.programme = programme;
            round.title = request.title();
            round.nationalAmount = request.nationalAmount();
            round.status = RoundStatus.OPEN;
            round.createdBy = actor.id();
            round.createdAt = now;
            round.updatedAt = now;
            round.persist();
            audit.record(actor, Audited.of(ROUND, round.id, GrantRound.NATIONAL), "OPENED", null,
                    RoundState.of(round), null);
            for (PotAmountRequest p : pots) {
                RhfPot pot = newPot(actor, round, p.rhf(), p.amount(), now);
                audit.record(actor, Audited.of(POT, pot.id, pot.rhf), "CREATED", null, PotState.of(pot), null);
            }
            GrantRound.flush();
            // One announcement per scope: each RHF learns of its own pot on its own topic, the national topic
            // carries the round without any RHF's pot.
            outbox.publish(GrantsEvents.ROUND_OPENED, round.id, GrantRound.NATIONAL, roundOpened(round, List.of()));
            for (PotAmountRequest p : pots) {
                outbox.publish(GrantsEvents.ROUND_OPENED, round.id, p.rhf(),
                        roundOpened(round, List.of(new GrantsEvents.PotAmount(p.rhf(), p.amount()))));
            }
            return round.id;
        });
        return GrantRound.findById(id);
    }

    private static GrantsEvents.RoundOpened roundOpened(GrantRound round, List<GrantsEvents.PotAmount> pots) {
        return new GrantsEvents.RoundOpened(round.id, round.year, round.programme, round.title, round.nationalAmount,
                round.status.name(), pots, round.version);
    }

    /**
     * Closes the round (CLOSED) once every pot is locked, or locks every pot that is still open at once (ALLOCATED, a
     * national admin's shortcut kept for existing clients). Closing with open pots is a 422 naming each of them.
     */
    @Transactional
    public GrantRound changeStatus(Actor actor, UUID id, StatusRequest request) {
        GrantRound round = get(id);
        Versions.require(round.version, request.version());
        RoundState before = RoundState.of(round);
        RoundStatus target = Transitions.move(round.status, request.status(), "Round " + id);
        List<RhfPot> pots = RhfPot.<RhfPot>list("roundId", Sort.by("rhf"), round.id);
        if (target == RoundStatus.CLOSED) {
            List<String> open = pots.stream().filter(p -> p.status != PotStatus.ALLOCATED).map(p -> p.rhf).toList();
            RuleCheck.of().require(open.isEmpty(), "R-GRANT-02", "Round " + id + " closes once every RHF pot is "
                    + "locked (ALLOCATED); not yet locked: " + String.join(", ", open)).orThrow();
        } else {
            for (RhfPot pot : pots) {
                if (pot.status == PotStatus.OPEN) {
                    lock(actor, pot, "Locked with the whole round");
                }
            }
        }
        round.status = target;
        round.updatedAt = today.now();
        audit.record(actor, Audited.of(ROUND, id, GrantRound.NATIONAL), round.status.name(), before,
                RoundState.of(round), null);
        return round;
    }

    /**
     * An RHF fixes its own allocation (OPEN to ALLOCATED): from then on its split and allocation are locked and its
     * grants may be decided, whatever the other RHFs' pots are doing. The pot needs a current allocation.
     */
    @Transactional
    public RhfPot changePotStatus(Actor actor, UUID roundId, String rhf, PotStatusRequest request) {
        GrantRound round = get(roundId);
        RhfPot pot = pot(actor, round.id, rhf);
        Versions.require(pot.version, request.version());
        RuleCheck.of().require(round.status != RoundStatus.CLOSED, "R-GRANT-03",
                "Round " + roundId + " is CLOSED; its pots cannot change").orThrow();
        PotStatus target = Transitions.move(pot.status, request.status(), "Pot of " + rhf);
        RuleCheck.of().require(target != PotStatus.ALLOCATED
                        || Allocation.count("potId = ?1 and current = true", pot.id) > 0, "R-GRANT-04",
                "The pot of " + rhf + " has no computed allocation to lock; compute one first").orThrow();
        lock(actor, pot, null);
        return pot;
    }

    private void lock(Actor actor, RhfPot pot, String reason) {
        PotState before = PotState.of(pot);
        pot.status = Transitions.move(pot.status, PotStatus.ALLOCATED, "Pot of " + pot.rhf);
        pot.updatedBy = actor.id();
        pot.updatedAt = today.now();
        audit.record(actor, Audited.of(POT, pot.id, pot.rhf), PotStatus.ALLOCATED.name(), before, PotState.of(pot),
                reason);
    }

    /** Sets an RHF's pot in an open round; the pots never add up to more than the national amount. */
    @Transactional
    public RhfPot setPot(Actor actor, UUID roundId, String rhf, PotUpdateRequest request) {
        GrantRound round = get(roundId);
        if (HealthRegion.fromCode(rhf).isEmpty()) {
            throw ProblemException.notFound("RHF", rhf);
        }
        RhfPot pot = RhfPot.of(roundId, rhf).orElse(null);
        if (pot != null) {
            Versions.require(pot.version, request.version());
            requireEditable(round, pot);
        } else {
            RuleCheck.of().require(round.status != RoundStatus.CLOSED, "R-GRANT-03",
                    "Round " + round.id + " is CLOSED; pots are locked").orThrow();
        }
        long others = RhfPot.<RhfPot>list("roundId = ?1 and rhf <> ?2", roundId, rhf).stream()
                .mapToLong(p -> p.amount).sum();
        if (others + request.amount() > round.nationalAmount) {
            throw ProblemException.rule("The RHF pots (" + (others + request.amount())
                    + " NOK) would exceed the national amount (" + round.nationalAmount + " NOK)");
        }
        PotState before = pot == null ? null : PotState.of(pot);
        if (pot == null) {
            pot = newPot(actor, round, rhf, request.amount(), today.now());
        } else {
            pot.amount = request.amount();
            pot.updatedBy = actor.id();
            pot.updatedAt = today.now();
        }
        audit.record(actor, Audited.of(POT, pot.id, rhf), before == null ? "CREATED" : "AMOUNT_SET", before,
                PotState.of(pot), null);
        return pot;
    }

    /**
     * Sets how the RHF splits its pot (RHF-initiated activities, evaluation reserve, minimum amount, participating
     * HFs and their base frames). The inputs must allocate, so a split that cannot be computed is refused here.
     */
    @Transactional
    public RhfPot setSplit(Actor actor, UUID roundId, String rhf, SplitRequest request) {
        GrantRound round = get(roundId);
        RhfPot pot = pot(actor, round.id, rhf);
        Versions.require(pot.version, request.version());
        requireEditable(round, pot);
        List<Participant> participants = new ArrayList<>();
        for (int i = 0; i < request.participants().size(); i++) {
            ParticipantRequest p = request.participants().get(i);
            participants.add(new Participant(Actor.hfOf(pot.rhf, p.hf(), "participants[" + i + "].hf"),
                    p.baseFrame()));
        }
        new AllocationInputs(pot.amount, request.rhfActivitiesAmount(), request.rhfActivitiesPercent(),
                request.evaluationReserve(), request.minimumAmount(), participants).compute();
        PotState before = PotState.of(pot);
        pot.rhfActivitiesAmount = request.rhfActivitiesAmount();
        pot.rhfActivitiesPercent = request.rhfActivitiesPercent();
        pot.evaluationReserve = request.evaluationReserve();
        pot.minimumAmount = request.minimumAmount();
        pot.participants = Json.write(participants);
        pot.updatedBy = actor.id();
        pot.updatedAt = today.now();
        audit.record(actor, Audited.of(POT, pot.id, pot.rhf), "SPLIT_SET", before, PotState.of(pot), null);
        return pot;
    }

    /** A round; rounds are national records that every role may read. */
    public GrantRound get(UUID id) {
        GrantRound round = GrantRound.findById(id);
        if (round == null) {
            throw ProblemException.notFound("Grant round", id);
        }
        return round;
    }

    /** An RHF's pot in a round, for its own RHF (and national admins) only. */
    public RhfPot pot(Actor actor, UUID roundId, String rhf) {
        return actor.visible(RhfPot.of(roundId, rhf).orElse(null), rhf, "Pot of RHF", rhf);
    }

    /** The pots of a round the actor may see. */
    public List<RhfPot> visiblePots(Actor actor, GrantRound round) {
        return RhfPot.<RhfPot>list("roundId", Sort.by("rhf"), round.id).stream()
                .filter(p -> actor.canSee(p.rhf)).toList();
    }

    /** The RHF's own lock (or a closed round) freezes its pot, split and allocations; other RHFs' pots don't matter. */
    static void requireEditable(GrantRound round, RhfPot pot) {
        RuleCheck.of().require(pot.editable(round), "R-GRANT-03", "The pot of " + pot.rhf + " in round " + round.id
                + " is " + (round.status == RoundStatus.CLOSED ? "in a CLOSED round" : pot.status.name())
                + "; its split and allocations are locked").orThrow();
    }

    private static void requireDistinctKnownRhfs(List<PotAmountRequest> pots) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < pots.size(); i++) {
            String rhf = pots.get(i).rhf();
            if (HealthRegion.fromCode(rhf).isEmpty()) {
                throw ProblemException.invalid("pots[" + i + "].rhf", "unknown RHF " + rhf);
            }
            if (!seen.add(rhf)) {
                throw ProblemException.invalid("pots[" + i + "].rhf", "RHF " + rhf + " is listed more than once");
            }
        }
    }

    private static RhfPot newPot(Actor actor, GrantRound round, String rhf, long amount, Instant now) {
        RhfPot pot = new RhfPot();
        pot.id = UUID.randomUUID();
        pot.roundId = round.id;
        pot.rhf = rhf;
        pot.amount = amount;
        pot.updatedBy = actor.id();
        pot.updatedAt = now;
        pot.persist();
        return pot;
    }
}
