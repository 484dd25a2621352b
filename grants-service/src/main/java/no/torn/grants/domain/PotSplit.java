package no.torn.grants.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * How an RHF splits its TØRN pot before the HF allocation: RHF-initiated activities (a set amount or a percentage of
 * the pot), a reserve for evaluation, and the HF pot, which is the rest. A percentage is taken of the RHF pot and
 * rounded down to whole NOK, so the HF pot never loses a fraction to rounding.
 */
public record PotSplit(long rhfPot, long rhfActivities, long evaluationReserve, long hfPot) {

    public static PotSplit of(long rhfPot, Long activitiesAmount, BigDecimal activitiesPercent, long evaluationReserve) {
        List<AllocationRejected.Reason> reasons = new ArrayList<>();
        if (rhfPot < 0) {
            reasons.add(new AllocationRejected.Reason("rhfPot", "must not be negative"));
        }
        if (activitiesAmount != null && activitiesPercent != null) {
            reasons.add(new AllocationRejected.Reason("rhfActivitiesPercent",
                    "give RHF-initiated activities either as an amount or as a percentage, not both"));
        }
        if (activitiesAmount != null && activitiesAmount < 0) {
            reasons.add(new AllocationRejected.Reason("rhfActivitiesAmount", "must not be negative"));
        }
        if (activitiesPercent != null && (activitiesPercent.signum() < 0
                || activitiesPercent.compareTo(BigDecimal.valueOf(100)) > 0)) {
            reasons.add(new AllocationRejected.Reason("rhfActivitiesPercent", "must be between 0 and 100"));
        }
        if (evaluationReserve < 0) {
            reasons.add(new AllocationRejected.Reason("evaluationReserve", "must not be negative"));
        }
        if (!reasons.isEmpty()) {
            throw new AllocationRejected(reasons.get(0).field() + ": " + reasons.get(0).message(), reasons);
        }
        long activities = activitiesAmount != null ? activitiesAmount
                : activitiesPercent == null ? 0
                : BigDecimal.valueOf(rhfPot).multiply(activitiesPercent)
                        .divide(BigDecimal.valueOf(100), 0, RoundingMode.DOWN).longValueExact();
        if (activities > rhfPot) {
            throw new AllocationRejected("rhfActivitiesAmount", "RHF-initiated activities of " + activities
                    + " NOK exceed the RHF pot of " + rhfPot + " NOK");
        }
        if (evaluationReserve > rhfPot - activities) {
            throw new AllocationRejected("evaluationReserve", "the evaluation reserve of " + evaluationReserve
                    + " NOK exceeds what is left of the pot after RHF-initiated activities ("
                    + (rhfPot - activities) + " NOK)");
        }
        return new PotSplit(rhfPot, activities, evaluationReserve, rhfPot - activities - evaluationReserve);
    }
}
