package io.pciledger.cli.audit;

import io.pciledger.ledger.replay.ReplayProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Shows a replay's progress on one terminal line, rewritten in place at most {@link #EVERY} often: records read,
 * their rate, and how far through the ledger topic the reader is. The last line (everything read) stays.
 */
public final class ProgressMeter implements Consumer<ReplayProgress> {

    /** How often the line is rewritten at most. */
    public static final Duration EVERY = Duration.ofMillis(250);

    private final PrintWriter out;
    private final LongSupplier nanoClock;
    private long shownAt;
    private boolean shownOnce;
    private int lastLength;

    /**
     * @param out       where the line goes (standard error)
     * @param nanoClock a monotonic clock in nanoseconds, {@code System::nanoTime}
     */
    public ProgressMeter(final PrintWriter out, final LongSupplier nanoClock) {
        this.out = out;
        this.nanoClock = nanoClock;
    }

    /** A meter on {@code err} when this process runs on a terminal; otherwise one that shows nothing. */
    public static Consumer<ReplayProgress> onTerminal(final PrintWriter err) {
        return System.console() != null ? new ProgressMeter(err, System::nanoTime) : progress -> { };
    }

    @Override
    public void accept(final ReplayProgress progress) {
        final long now = nanoClock.getAsLong();
        final boolean done = progress.fractionRead() >= 1;
        if (!done && shownOnce && now - shownAt < EVERY.toNanos()) {
            return;
        }
        shownAt = now;
        shownOnce = true;
        final String line = line(progress);
        // Blanks over what is left of a longer line before.
        out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length()))
                + (done ? System.lineSeparator() : ""));
        out.flush();
        lastLength = line.length();
    }

    static String line(final ReplayProgress progress) {
        return String.format(Locale.ROOT, "replay: %,d events read, %,.0f events/s, offset %,d of %,d (%.0f %%)",
                progress.recordsRead(), progress.recordsPerSecond(), progress.offsetsRead(), progress.offsetsTotal(),
                progress.fractionRead() * 100);
    }
}
