package io.pciledger.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        final Latencies latencies = new Latencies();
        for (int millis = 100; millis >= 1; millis--) {
            latencies.record(millis * 1_000_000L);
        }

        assertThat(latencies.percentileMillis(50)).isEqualTo(50.0);
        assertThat(latencies.percentileMillis(95)).isEqualTo(95.0);
        assertThat(latencies.percentileMillis(99)).isEqualTo(99.0);
        assertThat(latencies.percentileMillis(100)).isEqualTo(100.0);
    }

    @Test
    void mergeKeepsEveryThreadsTimes() {
        final Latencies fast = new Latencies();
        final Latencies slow = new Latencies();
        for (int i = 0; i < 9_000; i++) {
            fast.record(1_000_000L);
        }
        for (int i = 0; i < 1_000; i++) {
            slow.record(50_000_000L);
        }

        final Latencies all = Latencies.merge(List.of(fast, slow));

        assertThat(all.count()).isEqualTo(10_000);
        assertThat(all.percentileMillis(90)).isEqualTo(1.0);
        assertThat(all.percentileMillis(91)).isEqualTo(50.0);
    }

    @Test
    void noRecordedTimeHasNoPercentile() {
        assertThatThrownBy(() -> Latencies.merge(List.of(new Latencies())).percentileMillis(50))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no response time");
    }
}
