package no.torn.grants.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The HF share of an RHF's TØRN money (docs/architecture.md, "Grant allocation"): every participating HF gets the
 * minimum amount M plus its base-frame share of what is left, A_h = M + (P − n·M) · B_h / ΣB, in whole NOK. The
 * proportional parts are floored and the NOK lost to flooring go one each to the largest remainders (ties: larger
 * base frame, then HF code), so the amounts add up to P exactly.
 * <p>
 * Integer arithmetic throughout (BigInteger for the products, which overflow a long for large pots and frames), so the
 * result is exact, deterministic and independent of the order the HFs are given in.
 */
public final class AllocationCalculator {

    /** Scale of the informative decimal form of the proportional part; the exact value is the fraction. */
    public static final int DECIMAL_SCALE = 6;

    private AllocationCalculator() {
    }

    /** A participating HF and its base frame ("basisramme") in NOK or any consistent unit; must be positive. */
    public record Participant(String hf, long baseFrame) {
    }

    /**
     * The arithmetic for one HF, enough to check its figure by hand: {@code amount = minimumPart + proportionalFloor
     * + roundingAdjustment}, where the exact proportional part is {@code proportionalNumerator / baseFrameTotal}.
     */
    public record Share(String hf, long baseFrame, long minimumPart, String proportionalFraction,
                        BigDecimal proportionalDecimal, long proportionalFloor, String remainder,
                        long roundingAdjustment, long amount) {
    }

    /** The whole computation: inputs, the intermediate totals and the per-HF shares sorted by HF code. */
    public record Result(long hfPot, long minimumAmount, int participantCount, long minimumTotal, long distributable,
                         String baseFrameTotal, long floorTotal, long roundingUnits, List<Share> shares) {

        public long total() {
            return shares.stream().mapToLong(Share::amount).sum();
        }

        public long amountFor(String hf) {
            return shares.stream().filter(s -> s.hf().equals(hf)).mapToLong(Share::amount).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(hf + " does not participate"));
        }
    }

    /**
     * Computes the allocation.
     *
     * @throws AllocationRejected when there are no HFs, an HF appears twice, a base frame is not positive, an amount
     *                            is negative, or the pot cannot cover the minimum for every HF (P &lt; n·M)
     */
    public static Result allocate(long hfPot, long minimumAmount, List<Participant> participants) {
        validate(hfPot, minimumAmount, participants);
        int n = participants.size();
        BigInteger pot = BigInteger.valueOf(hfPot);
        BigInteger minimumTotal = BigInteger.valueOf(minimumAmount).multiply(BigInteger.valueOf(n));
        if (pot.compareTo(minimumTotal) < 0) {
            throw new AllocationRejected("hfPot",
                    "the HF pot of " + hfPot + " NOK cannot cover the minimum amount of " + minimumAmount
                            + " NOK for " + n + " HFs (" + minimumTotal + " NOK)");
        }
        BigInteger distributable = pot.subtract(minimumTotal);
        BigInteger frameTotal = participants.stream().map(p -> BigInteger.valueOf(p.baseFrame()))
                .reduce(BigInteger.ZERO, BigInteger::add);

        List<Working> working = new ArrayList<>(n);
        BigInteger floorTotal = BigInteger.ZERO;
        for (Participant p : participants) {
            BigInteger numerator = distributable.multiply(BigInteger.valueOf(p.baseFrame()));
            BigInteger[] qr = numerator.divideAndRemainder(frameTotal);
            working.add(new Working(p, numerator, qr[0].longValueExact(), qr[1]));
            floorTotal = floorTotal.add(qr[0]);
        }
        // What flooring lost is a whole number below n: the remainders add up to a multiple of ΣB.
        int units = distributable.subtract(floorTotal).intValueExact();

        List<Working> byRemainder = new ArrayList<>(working);
        byRemainder.sort(Comparator.comparing((Working w) -> w.remainder).reversed()
                .thenComparing(Comparator.comparingLong((Working w) -> w.participant.baseFrame()).reversed())
                .thenComparing(w -> w.participant.hf()));
        Set<String> adjusted = new HashSet<>();
        for (int i = 0; i < units; i++) {
            adjusted.add(byRemainder.get(i).participant.hf());
        }

        List<Share> shares = working.stream()
                .sorted(Comparator.comparing(w -> w.participant.hf()))
                .map(w -> {
                    long adjustment = adjusted.contains(w.participant.hf()) ? 1 : 0;
                    BigInteger gcd = w.numerator.gcd(frameTotal);
                    String fraction = gcd.signum() == 0 ? "0/1"
                            : w.numerator.divide(gcd) + "/" + frameTotal.divide(gcd);
                    BigDecimal decimal = new BigDecimal(w.numerator)
                            .divide(new BigDecimal(frameTotal), DECIMAL_SCALE, RoundingMode.DOWN);
                    return new Share(w.participant.hf(), w.participant.baseFrame(), minimumAmount, fraction, decimal,
                            w.floor, w.remainder + "/" + frameTotal, adjustment,
                            Math.addExact(Math.addExact(minimumAmount, w.floor), adjustment));
                })
                .toList();
        return new Result(hfPot, minimumAmount, n, minimumTotal.longValueExact(), distributable.longValueExact(),
                frameTotal.toString(), floorTotal.longValueExact(), units, shares);
    }

    private record Working(Participant participant, BigInteger numerator, long floor, BigInteger remainder) {
    }

    private static void validate(long hfPot, long minimumAmount, List<Participant> participants) {
        List<AllocationRejected.Reason> reasons = new ArrayList<>();
        if (hfPot < 0) {
            reasons.add(new AllocationRejected.Reason("hfPot", "must not be negative"));
        }
        if (minimumAmount < 0) {
            reasons.add(new AllocationRejected.Reason("minimumAmount", "must not be negative"));
        }
        if (participants == null || participants.isEmpty()) {
            reasons.add(new AllocationRejected.Reason("participants", "at least one HF must participate"));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < participants.size(); i++) {
                Participant p = participants.get(i);
                if (p == null || p.hf() == null || p.hf().isBlank()) {
                    reasons.add(new AllocationRejected.Reason("participants[" + i + "].hf", "must not be blank"));
                    continue;
                }
                if (!seen.add(p.hf())) {
                    reasons.add(new AllocationRejected.Reason("participants[" + i + "].hf",
                            "HF " + p.hf() + " is listed more than once"));
                }
                if (p.baseFrame() <= 0) {
                    reasons.add(new AllocationRejected.Reason("participants[" + i + "].baseFrame",
                            "must be greater than 0"));
                }
            }
        }
        if (!reasons.isEmpty()) {
            throw new AllocationRejected("The allocation inputs are invalid: " + reasons.stream()
                    .map(r -> r.field() + " " + r.message()).reduce((a, b) -> a + "; " + b).orElse(""), reasons);
        }
    }
}
