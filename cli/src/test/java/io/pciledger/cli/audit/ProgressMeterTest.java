package io.pciledger.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.ledger.replay.ReplayProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressMeterTest {

    private final StringWriter shown = new StringWriter();
    private final AtomicLong clock = new AtomicLong();
    private final ProgressMeter meter = new ProgressMeter(new PrintWriter(shown), clock::get);

    private static ReplayProgress progress(final long read, final long total) {
        return new ReplayProgress(read, read, total, Duration.ofSeconds(2));
    }

    @Test
    void theLineIsRewrittenAtMostFourTimesASecond() {
        meter.accept(progress(100, 1000));
        clock.addAndGet(Duration.ofMillis(100).toNanos());
        meter.accept(progress(200, 1000));
        clock.addAndGet(Duration.ofMillis(200).toNanos());
        meter.accept(progress(300, 1000));

        assertThat(shown.toString()).contains("100 events read").doesNotContain("200 events read")
                .contains("300 events read, 150 events/s, offset 300 of 1,000 (30 %)");
    }

    @Test
    void theLastLineIsAlwaysShownAndEndsTheLine() {
        meter.accept(progress(100, 1000));
        meter.accept(progress(1000, 1000));

        assertThat(shown.toString()).endsWith("1,000 events read, 500 events/s, offset 1,000 of 1,000 (100 %)"
                + System.lineSeparator());
    }
}
