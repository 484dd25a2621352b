package no.torn.grants.domain;

import no.torn.grants.domain.AllocationCalculator.Participant;
import no.torn.grants.domain.AllocationCalculator.Result;
import no.torn.grants.domain.AllocationCalculator.Share;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Worked examples, each checked by hand in the comments. */
class AllocationCalculatorTest {

    @Test
    void equalFramesShareTheLeftoverKroneByHfCode() {
        // P = 1000, M = 100, n = 3 → P − n·M = 700; each 700·1/3 = 233 rest 1/3; 3·233 = 699, 1 krone left.
        // All remainders and frames tie, so the lowest HF code ("a") gets it: 334 + 333 + 333 = 1000.
        Result r = AllocationCalculator.allocate(1000, 100,
                List.of(new Participant("c", 1), new Participant("a", 1), new Participant("b", 1)));

        assertThat(r.distributable()).isEqualTo(700);
        assertThat(r.floorTotal()).isEqualTo(699);
        assertThat(r.roundingUnits()).isEqualTo(1);
        assertThat(r.shares()).extracting(Share::hf).containsExactly("a", "b", "c");
        assertThat(r.shares()).extracting(Share::amount).containsExactly(334L, 333L, 333L);
        Share a = r.shares().get(0);
        assertThat(a.minimumPart()).isEqualTo(100);
        assertThat(a.proportionalFraction()).isEqualTo("700/3");
        assertThat(a.proportionalDecimal()).isEqualByComparingTo(new BigDecimal("233.333333"));
        assertThat(a.proportionalFloor()).isEqualTo(233);
        assertThat(a.remainder()).isEqualTo("1/3");
        assertThat(a.roundingAdjustment()).isEqualTo(1);
        assertThat(r.total()).isEqualTo(1000);
    }

    @Test
    void leftoverGoesToTheLargestRemainder() {
        // P = 1 000 001, M = 100 000, n = 3 → 700 001 to share over ΣB = 10.
        // hf-a: 700001·5/10 = 350000 rest 5; hf-b: ·3/10 = 210000 rest 3; hf-c: ·2/10 = 140000 rest 2.
        // Floors add to 700000, so 1 krone goes to the largest remainder (hf-a).
        Result r = AllocationCalculator.allocate(1_000_001, 100_000, List.of(
                new Participant("hf-b", 3), new Participant("hf-c", 2), new Participant("hf-a", 5)));

        assertThat(r.amountFor("hf-a")).isEqualTo(100_000 + 350_000 + 1);
        assertThat(r.amountFor("hf-b")).isEqualTo(100_000 + 210_000);
        assertThat(r.amountFor("hf-c")).isEqualTo(100_000 + 140_000);
        assertThat(r.total()).isEqualTo(1_000_001);
        assertThat(r.baseFrameTotal()).isEqualTo("10");
    }

    @Test
    void equalRemaindersFavourTheLargerBaseFrameBeforeTheCode() {
        // P = 12, M = 5, n = 2 → 2 to share over ΣB = 4. aaa: 2·1/4 = 0 rest 2; zzz: 2·3/4 = 1 rest 2.
        // One krone left, remainders tie, zzz has the larger frame: aaa = 5, zzz = 5 + 1 + 1 = 7.
        Result r = AllocationCalculator.allocate(12, 5,
                List.of(new Participant("aaa", 1), new Participant("zzz", 3)));

        assertThat(r.amountFor("aaa")).isEqualTo(5);
        assertThat(r.amountFor("zzz")).isEqualTo(7);
    }

    @Test
    void potThatExactlyCoversTheMinimumGivesEveryoneTheMinimum() {
        Result r = AllocationCalculator.allocate(300, 100,
                List.of(new Participant("x", 7), new Participant("y", 1), new Participant("z", 1000)));

        assertThat(r.shares()).extracting(Share::amount).containsOnly(100L);
        assertThat(r.shares()).extracting(Share::proportionalFraction).containsOnly("0/1");
    }

    @Test
    void largeFiguresStayExact() {
        // Products exceed a long: 9e15 · 9e9. Two equal frames split an odd distributable evenly but for one krone.
        long pot = 9_000_000_000_000_001L;
        Result r = AllocationCalculator.allocate(pot, 0,
                List.of(new Participant("a", 9_000_000_000L), new Participant("b", 9_000_000_000L)));

        assertThat(r.amountFor("a")).isEqualTo(4_500_000_000_000_001L);
        assertThat(r.amountFor("b")).isEqualTo(4_500_000_000_000_000L);
        assertThat(r.total()).isEqualTo(pot);
    }

    @Test
    void potBelowTheMinimumForEveryHfIsRejected() {
        assertThatThrownBy(() -> AllocationCalculator.allocate(299, 100,
                List.of(new Participant("a", 1), new Participant("b", 1), new Participant("c", 1))))
                .isInstanceOf(AllocationRejected.class)
                .hasMessageContaining("cannot cover the minimum amount of 100 NOK for 3 HFs (300 NOK)");
    }

    @Test
    void invalidInputsAreRejectedWithTheFieldNamed() {
        assertThatThrownBy(() -> AllocationCalculator.allocate(100, 0, List.of()))
                .isInstanceOf(AllocationRejected.class)
                .satisfies(e -> assertThat(((AllocationRejected) e).reasons())
                        .extracting(AllocationRejected.Reason::field).containsExactly("participants"));
        assertThatThrownBy(() -> AllocationCalculator.allocate(100, 0,
                List.of(new Participant("a", 1), new Participant("a", 2))))
                .satisfies(e -> assertThat(((AllocationRejected) e).reasons())
                        .extracting(AllocationRejected.Reason::field).containsExactly("participants[1].hf"));
        assertThatThrownBy(() -> AllocationCalculator.allocate(100, 0,
                List.of(new Participant("a", 0), new Participant("b", -5))))
                .satisfies(e -> assertThat(((AllocationRejected) e).reasons())
                        .extracting(AllocationRejected.Reason::field)
                        .containsExactly("participants[0].baseFrame", "participants[1].baseFrame"));
        assertThatThrownBy(() -> AllocationCalculator.allocate(-1, -1, List.of(new Participant("a", 1))))
                .satisfies(e -> assertThat(((AllocationRejected) e).reasons())
                        .extracting(AllocationRejected.Reason::field).containsExactly("hfPot", "minimumAmount"));
    }
}
