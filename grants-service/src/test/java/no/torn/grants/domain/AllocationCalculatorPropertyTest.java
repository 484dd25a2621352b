package no.torn.grants.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import no.torn.grants.domain.AllocationCalculator.Participant;
import no.torn.grants.domain.AllocationCalculator.Result;
import no.torn.grants.domain.AllocationCalculator.Share;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Properties the allocation must have for any valid input, not only for the worked examples. */
class AllocationCalculatorPropertyTest {

    /** A valid input: distinct HF codes, positive frames, and a pot of at least n·M. */
    record Case(long pot, long minimum, List<Participant> participants) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<List<Long>> frames = Arbitraries.oneOf(
                        Arbitraries.longs().between(1, 20),
                        Arbitraries.longs().between(1, 50_000_000_000L))
                .list().ofMinSize(1).ofMaxSize(40);
        Arbitrary<Long> minimum = Arbitraries.longs().between(0, 5_000_000);
        Arbitrary<Long> extra = Arbitraries.oneOf(Arbitraries.longs().between(0, 1_000),
                Arbitraries.longs().between(0, 2_000_000_000_000L));
        return Combinators.combine(frames, minimum, extra).as((fs, m, e) -> {
            List<Participant> ps = IntStream.range(0, fs.size())
                    .mapToObj(i -> new Participant(String.format("hf-%03d", (i * 7919) % 1000), fs.get(i)))
                    .toList();
            return new Case(m * ps.size() + e, m, ps);
        });
    }

    @Property
    void amountsAddUpToThePotExactly(@ForAll("cases") Case c) {
        Result r = AllocationCalculator.allocate(c.pot(), c.minimum(), c.participants());
        assertThat(r.total()).isEqualTo(c.pot());
        assertThat(r.shares()).hasSize(c.participants().size());
    }

    @Property
    void everyHfGetsAtLeastTheMinimumAndWithinOneKroneOfItsExactShare(@ForAll("cases") Case c) {
        Result r = AllocationCalculator.allocate(c.pot(), c.minimum(), c.participants());
        BigInteger frameTotal = new BigInteger(r.baseFrameTotal());
        for (Share s : r.shares()) {
            assertThat(s.amount()).isGreaterThanOrEqualTo(c.minimum());
            assertThat(s.roundingAdjustment()).isBetween(0L, 1L);
            assertThat(s.amount()).isEqualTo(s.minimumPart() + s.proportionalFloor() + s.roundingAdjustment());
            // |A·ΣB − (M·ΣB + D·B)| < ΣB, i.e. the amount is within one krone of the exact figure.
            BigInteger exactTimesTotal = BigInteger.valueOf(c.minimum()).multiply(frameTotal)
                    .add(BigInteger.valueOf(r.distributable()).multiply(BigInteger.valueOf(s.baseFrame())));
            BigInteger diff = BigInteger.valueOf(s.amount()).multiply(frameTotal).subtract(exactTimesTotal).abs();
            assertThat(diff).isLessThan(frameTotal);
        }
    }

    @Property
    void largerBaseFrameNeverGetsLess(@ForAll("cases") Case c) {
        Result r = AllocationCalculator.allocate(c.pot(), c.minimum(), c.participants());
        for (Share a : r.shares()) {
            for (Share b : r.shares()) {
                if (a.baseFrame() > b.baseFrame()) {
                    assertThat(a.amount()).as("%s vs %s", a, b).isGreaterThanOrEqualTo(b.amount());
                }
                if (a.baseFrame() == b.baseFrame()) {
                    assertThat(Math.abs(a.amount() - b.amount())).isLessThanOrEqualTo(1);
                }
            }
        }
    }

    @Property
    void raisingAnHfsBaseFrameNeverLowersItsAmount(@ForAll("cases") Case c, @ForAll Random random) {
        int i = random.nextInt(c.participants().size());
        Participant hf = c.participants().get(i);
        List<Participant> raised = new ArrayList<>(c.participants());
        raised.set(i, new Participant(hf.hf(), hf.baseFrame() + 1 + random.nextInt(1_000)));
        long before = AllocationCalculator.allocate(c.pot(), c.minimum(), c.participants()).amountFor(hf.hf());
        long after = AllocationCalculator.allocate(c.pot(), c.minimum(), raised).amountFor(hf.hf());
        assertThat(after).isGreaterThanOrEqualTo(before);
    }

    @Property
    void deterministicAndIndependentOfInputOrder(@ForAll("cases") Case c, @ForAll Random random) {
        Result first = AllocationCalculator.allocate(c.pot(), c.minimum(), c.participants());
        List<Participant> shuffled = new ArrayList<>(c.participants());
        Collections.shuffle(shuffled, random);
        Result again = AllocationCalculator.allocate(c.pot(), c.minimum(), shuffled);
        assertThat(again).isEqualTo(first);
        assertThat(AllocationCalculator.allocate(c.pot(), c.minimum(), c.participants())).isEqualTo(first);
    }

    @Property
    void potShortOfTheMinimumsIsAlwaysRejected(@ForAll("cases") Case c) {
        long shortPot = c.minimum() * c.participants().size() - 1;
        if (shortPot < 0) {
            return;
        }
        assertThatThrownBy(() -> AllocationCalculator.allocate(shortPot, c.minimum(), c.participants()))
                .isInstanceOf(AllocationRejected.class);
    }

    @Property
    void potSplitKeepsEveryKrone(@ForAll("splits") long[] s, @ForAll("percents") BigDecimal percent) {
        long pot = s[0];
        long reserve = s[1];
        long activities = BigDecimal.valueOf(pot).multiply(percent).movePointLeft(2)
                .setScale(0, java.math.RoundingMode.DOWN).longValueExact();
        if (reserve > pot - activities) {
            assertThatThrownBy(() -> PotSplit.of(pot, null, percent, reserve)).isInstanceOf(AllocationRejected.class);
            return;
        }
        PotSplit split = PotSplit.of(pot, null, percent, reserve);
        assertThat(split.rhfActivities()).isEqualTo(activities);
        assertThat(split.rhfActivities() + split.evaluationReserve() + split.hfPot()).isEqualTo(pot);
        assertThat(split.hfPot()).isNotNegative();
    }

    @Provide
    Arbitrary<long[]> splits() {
        return Combinators.combine(Arbitraries.longs().between(0, 100_000_000_000L),
                Arbitraries.longs().between(0, 100_000_000_000L)).as((a, b) -> new long[]{a, Math.min(a, b)});
    }

    @Provide
    Arbitrary<BigDecimal> percents() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, BigDecimal.valueOf(100)).ofScale(2);
    }
}
