package no.torn.grants.domain;

import java.math.BigDecimal;
import java.util.List;

/** Everything an allocation was computed from, so the figure can be recomputed and audited. */
public record AllocationInputs(long rhfPot, Long rhfActivitiesAmount, BigDecimal rhfActivitiesPercent,
                               long evaluationReserve, long minimumAmount,
                               List<AllocationCalculator.Participant> participants) {

    /** Splits the pot and allocates the HF pot; throws {@link AllocationRejected} for inputs that cannot work. */
    public Outcome compute() {
        PotSplit split = PotSplit.of(rhfPot, rhfActivitiesAmount, rhfActivitiesPercent, evaluationReserve);
        return new Outcome(split, AllocationCalculator.allocate(split.hfPot(), minimumAmount, participants));
    }

    public record Outcome(PotSplit split, AllocationCalculator.Result result) {
    }
}
