package no.torn.grants.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PotSplitTest {

    @Test
    void percentageIsRoundedDownSoTheHfPotKeepsTheFraction() {
        // 12.5 % of 1 000 005 = 125 000.625 → 125 000; HF pot = 1 000 005 − 125 000 − 50 000 = 825 005.
        PotSplit split = PotSplit.of(1_000_005, null, new BigDecimal("12.5"), 50_000);
        assertThat(split.rhfActivities()).isEqualTo(125_000);
        assertThat(split.hfPot()).isEqualTo(825_005);
    }

    @Test
    void amountIsTakenAsGiven() {
        PotSplit split = PotSplit.of(7_500_000, 1_500_000L, null, 300_000);
        assertThat(split.hfPot()).isEqualTo(5_700_000);
    }

    @Test
    void eachPartMustFitWhatIsLeft() {
        assertThatThrownBy(() -> PotSplit.of(1000, 1001L, null, 0)).isInstanceOf(AllocationRejected.class)
                .hasMessageContaining("exceed the RHF pot");
        assertThatThrownBy(() -> PotSplit.of(1000, 600L, null, 401)).isInstanceOf(AllocationRejected.class)
                .hasMessageContaining("evaluation reserve of 401 NOK exceeds");
        assertThatThrownBy(() -> PotSplit.of(1000, 1L, BigDecimal.ONE, 0)).isInstanceOf(AllocationRejected.class)
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> PotSplit.of(1000, null, new BigDecimal("100.01"), 0))
                .isInstanceOf(AllocationRejected.class);
        assertThatThrownBy(() -> PotSplit.of(1000, -1L, null, 0)).isInstanceOf(AllocationRejected.class);
        assertThatThrownBy(() -> PotSplit.of(1000, null, null, -1)).isInstanceOf(AllocationRejected.class);
        assertThat(PotSplit.of(1000, 1000L, null, 0).hfPot()).isZero();
    }
}
