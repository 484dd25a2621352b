package no.torn.grants.api;

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
import no.torn.grants.domain.AllocationCalculator;
import no.torn.grants.domain.GrantRound;
import no.torn.grants.domain.PotSplit;
import no.torn.grants.domain.RhfPot;
import no.torn.grants.domain.RoundStatus;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Request and response bodies of grant rounds and RHF pots. */
public final class RoundDtos {

    private RoundDtos() {
    }

    public record PotAmountRequest(
            @NotBlank String rhf,
            @NotNull @PositiveOrZero Long amount) {
    }

    public record RoundRequest(
            @NotNull @Min(2000) @Max(2200) Integer year,
            @Pattern(regexp = "[a-z0-9-]{2,60}", message = "must be 2-60 lower-case letters, digits or '-'")
            String programme,
            @NotBlank @Size(max = 200) String title,
            @NotNull @PositiveOrZero Long nationalAmount,
            @Valid @Size(max = 4) List<@NotNull PotAmountRequest> pots) {
    }

    public record PotUpdateRequest(
            @NotNull @PositiveOrZero Long amount,
            /* Required when the pot exists already. */
            Long version) {
    }

    public record ParticipantRequest(
            @NotBlank @Size(max = 60) String hf,
            @NotNull @Positive Long baseFrame) {
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

    public record SplitView(long rhfPot, long rhfActivities, long evaluationReserve, long hfPot) {
        static SplitView of(PotSplit s) {
            return new SplitView(s.rhfPot(), s.rhfActivities(), s.evaluationReserve(), s.hfPot());
        }
    }

    public record PotView(UUID id, UUID roundId, String rhf, long amount, Long rhfActivitiesAmount,
                          BigDecimal rhfActivitiesPercent, long evaluationReserve, long minimumAmount,
                          List<AllocationCalculator.Participant> participants, SplitView split, Instant updatedAt,
                          long version) {
        static PotView of(RhfPot p) {
            SplitView split;
            try {
                split = SplitView.of(p.split());
            } catch (RuntimeException notYetConsistent) {
                split = null;
            }
            return new PotView(p.id, p.roundId, p.rhf, p.amount, p.rhfActivitiesAmount, p.rhfActivitiesPercent,
                    p.evaluationReserve, p.minimumAmount, p.participantList(), split, p.updatedAt, p.version);
        }
    }

    public record RoundView(UUID id, int year, String programme, String title, long nationalAmount,
                            RoundStatus status, Instant createdAt, Instant updatedAt, long version,
                            List<PotView> pots) {
        static RoundView of(GrantRound r, List<PotView> pots) {
            return new RoundView(r.id, r.year, r.programme, r.title, r.nationalAmount, r.status, r.createdAt,
                    r.updatedAt, r.version, pots);
        }
    }
}
