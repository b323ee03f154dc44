package io.pciledger.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the time of answered commands went, in three stages by the wall clock (the benchmark's ledger runs in the
 * benchmark's process, so its clock is the same one):
 * <ol>
 *   <li>{@code sent_to_stored}: from the send until the broker acknowledged the command;</li>
 *   <li>{@code stored_to_decided}: until the ledger decided it (the result's {@code decided_at}): the wait for the
 *       stream thread to poll it, behind the commands and the commit before it. Kafka Streams reads the clock once
 *       per batch of a task, so "decided" is when the command's batch started: a few milliseconds early at most;</li>
 *   <li>{@code decided_to_answered}: until the client read the committed result: the rest of the transaction, its
 *       commit, and the client's fetch.</li>
 * </ol>
 * Claims and releases alike. Millisecond resolution. Thread-safe: the channel's listener records, the benchmark
 * takes.
 */
final class CommandStages {

    private static final List<String> STAGES = List.of("sent_to_stored", "stored_to_decided", "decided_to_answered");

    private final List<long[]> answered = new ArrayList<>();

    synchronized void record(final long sentMs, final long storedMs, final long decidedMs, final long answeredMs) {
        answered.add(new long[] {storedMs - sentMs, decidedMs - storedMs, answeredMs - decidedMs});
    }

    /**
     * The stages of the commands answered since the last call, as "p50 / p99" milliseconds each, and forgets them.
     */
    synchronized Map<String, String> takePercentiles() {
        final Map<String, String> figures = new LinkedHashMap<>();
        for (int stage = 0; stage < STAGES.size(); stage++) {
            final Samples samples = new Samples();
            for (final long[] command : answered) {
                samples.add(command[stage]);
            }
            figures.put(STAGES.get(stage), samples.count() == 0 ? "none"
                    : String.format(Locale.ROOT, "p50 %.0f / p99 %.0f", samples.median(), samples.percentile(99)));
        }
        answered.clear();
        return figures;
    }
}
