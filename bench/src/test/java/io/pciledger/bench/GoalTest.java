package io.pciledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoalTest {

    private final Goal rate = Goal.atLeast("granted_per_s", "granted/s", 1_000);
    private final Goal latency = Goal.atMost("latency_p99_ms", "p99 ms", 5);

    @Test
    void aBoundIsMetAtTheBoundItself() {
        assertThat(rate.metBy(1_000)).isTrue();
        assertThat(rate.metBy(999)).isFalse();
        assertThat(latency.metBy(5)).isTrue();
        assertThat(latency.metBy(5.01)).isFalse();
    }

    @Test
    void aRateFarShortIsSaidAsAFactor() {
        assertThat(rate.shortfall(36)).isEqualTo("granted/s 36 < 1,000 (27.8x short)");
    }

    @Test
    void aRateJustShortIsSaidAsAPercentage() {
        assertThat(rate.shortfall(900)).isEqualTo("granted/s 900 < 1,000 (10 % short)");
    }

    @Test
    void aLatencyOverItsBoundIsSaidAsAFactorOrAPercentage() {
        assertThat(latency.shortfall(7.04)).isEqualTo("p99 ms 7.04 > 5 (41 % over)");
        assertThat(latency.shortfall(75.3)).isEqualTo("p99 ms 75.3 > 5 (15.1x over)");
    }

    @Test
    void nothingMeasuredIsNotAFactor() {
        assertThat(rate.shortfall(0)).isEqualTo("granted/s 0 < 1,000 (nothing measured)");
    }

    @Test
    void aGoalDescribesItsBound() {
        assertThat(rate.describe()).isEqualTo("granted/s >= 1,000");
        assertThat(Goal.atLeast("fold_to_raw_ratio", "fold/raw", 0.3).describe()).isEqualTo("fold/raw >= 0.3");
    }
}
