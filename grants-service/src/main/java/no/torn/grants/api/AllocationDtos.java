package no.torn.grants.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import no.torn.grants.application.GrantRounds;
import no.torn.grants.domain.Allocation;
import no.torn.grants.domain.AllocationCalculator;
import no.torn.grants.domain.AllocationInputs;
import no.torn.grants.domain.AllocationShare;
import no.torn.grants.domain.PotSplit;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Response bodies of HF allocations, and the inputs of a what-if computation. */
public final class AllocationDtos {

    private AllocationDtos() {
    }

    /** The same inputs as a pot, for a computation that is not saved. */
    public record WhatIfRequest(
            @NotNull @PositiveOrZero Long rhfPot,
            @PositiveOrZero Long rhfActivitiesAmount,
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal rhfActivitiesPercent,
            @PositiveOrZero Long evaluationReserve,
            @NotNull @PositiveOrZero Long minimumAmount,
            @NotEmpty @Size(max = 5000) @Valid List<GrantRounds.@NotNull ParticipantRequest> participants) {
    }

    public record Computation(AllocationInputs inputs, RoundDtos.SplitView split,
                              AllocationCalculator.Result arithmetic) {
        static Computation of(AllocationInputs inputs, PotSplit split, AllocationCalculator.Result result) {
            return new Computation(inputs, RoundDtos.SplitView.of(split), result);
        }
    }

    public record ShareView(String hf, long amount, long granted, long available) {
        static ShareView of(AllocationShare s) {
            return new ShareView(s.hf, s.amount, s.granted, s.available());
        }
    }

    public record AllocationView(UUID id, UUID roundId, String rhf, int allocationVersion, boolean current,
                                 long hfPot, Instant computedAt, String computedBy, AllocationInputs inputs,
                                 RoundDtos.SplitView split, AllocationCalculator.Result arithmetic,
                                 List<ShareView> shares) {
        static AllocationView of(Allocation a, List<AllocationShare> shares) {
            AllocationInputs inputs = a.inputsValue();
            PotSplit split = PotSplit.of(inputs.rhfPot(), inputs.rhfActivitiesAmount(), inputs.rhfActivitiesPercent(),
                    inputs.evaluationReserve());
            return new AllocationView(a.id, a.roundId, a.rhf, a.allocationVersion, a.current, a.hfPot, a.computedAt,
                    a.computedBy, inputs, RoundDtos.SplitView.of(split), a.arithmeticValue(),
                    shares.stream().map(ShareView::of).toList());
        }
    }
}
