package io.pciledger.bench;

import java.util.Arrays;
import java.util.Collection;

/**
 * Response times of one load run, kept exactly (not bucketed) as primitive nanoseconds: one instance per client
 * thread while the load runs, {@link #merge merged} afterwards for the percentiles. A few million requests take a
 * few tens of MiB, which a benchmark can afford for exact percentiles.
 */
final class Latencies {

    private long[] nanos = new long[4096];
    private int count;
    private boolean sorted = true;

    /** Records one response time; not thread-safe (one instance per client thread). */
    void record(final long elapsedNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, nanos.length * 2);
        }
        nanos[count++] = elapsedNanos;
        sorted = false;
    }

    int count() {
        return count;
    }

    /** Every time of {@code parts} in one instance. */
    static Latencies merge(final Collection<Latencies> parts) {
        final Latencies all = new Latencies();
        all.nanos = new long[Math.max(1, parts.stream().mapToInt(Latencies::count).sum())];
        for (final Latencies part : parts) {
            System.arraycopy(part.nanos, 0, all.nanos, all.count, part.count);
            all.count += part.count;
        }
        all.sorted = all.count == 0;
        return all;
    }

    /**
     * The time that {@code percent} of the responses took at most (nearest rank), in milliseconds.
     *
     * @throws IllegalStateException when nothing was recorded
     */
    double percentileMillis(final double percent) {
        if (count == 0) {
            throw new IllegalStateException("no response time was recorded");
        }
        if (!sorted) {
            Arrays.sort(nanos, 0, count);
            sorted = true;
        }
        final int rank = (int) Math.ceil(percent / 100.0 * count);
        return nanos[Math.max(0, Math.min(count - 1, rank - 1))] / 1e6;
    }
}
