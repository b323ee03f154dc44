package io.pciledger.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The batches of a claims benchmark against one running decider (the ledger, or {@link EchoDecider}): a warm-up
 * batch, then the measured runs, each {@link ClaimsBenchmark#runClients spread over the clients}, each printed as it
 * ends. Where the decider's stream threads spent their time and how long each stage of a command took are taken over
 * the measured runs only. Every release is answered before it returns.
 */
final class ClaimBatches {

    /**
     * What the batches gave.
     *
     * @param rates    granted claims per second of each measured run
     * @param all      every batch's tally, the warm-up's included
     * @param measured the measured runs' tally
     * @param spent    where the stream threads spent the measured runs
     * @param stages   a command's time by stage over the measured runs
     */
    record Measured(List<Double> rates, ClaimTally all, ClaimTally measured, LedgerTimeSpent spent,
            Map<String, String> stages) {

        Samples rateSamples() {
            final Samples samples = new Samples();
            rates.forEach(samples::add);
            return samples;
        }

        List<Long> roundedRates() {
            return rates.stream().map(Math::round).toList();
        }
    }

    /** Measures something more of each batch, from just before it starts until just after it ends. */
    interface BatchProbe {

        BatchProbe NONE = new BatchProbe() {
            @Override
            public void before() {
            }

            @Override
            public String after(final int claims, final boolean warmingUp) {
                return "";
            }
        };

        void before() throws Exception;

        /** What to add to the batch's printed line (starting with "; "), or "". */
        String after(int claims, boolean warmingUp) throws Exception;
    }

    private ClaimBatches() {
    }

    /**
     * Runs a warm-up batch of {@code warmup} claims (none when 0), then {@code runs} batches of {@code claimsPerRun}.
     */
    static Measured run(final CommandChannel channel, final BenchStreams decider, final List<String> hostNames,
            final int clients, final int warmup, final int claimsPerRun, final int runs, final PrintWriter out,
            final BatchProbe probe) throws Exception {
        final List<Double> rates = new ArrayList<>();
        ClaimTally all = new ClaimTally();
        ClaimTally measured = new ClaimTally();
        LedgerTimeSpent beforeMeasuring = null;
        for (int run = 0; run <= runs; run++) {
            final boolean warmingUp = run == 0;
            final int batch = warmingUp ? warmup : claimsPerRun;
            if (batch == 0) {
                continue;
            }
            if (run == 1) {
                beforeMeasuring = decider.timeSpent();
                channel.stages().takePercentiles();
            }
            probe.before();
            final long started = System.nanoTime();
            final ClaimTally tally = ClaimsBenchmark.runClients(channel, hostNames, clients, batch, run, decider);
            final double seconds = (System.nanoTime() - started) / 1e9;
            final double rate = tally.grantedCount() / seconds;
            out.printf("  %s: %,d granted in %.1f s = %,.0f granted claims/s; rejected %s%s%n",
                    warmingUp ? "warm-up" : "run " + run + "/" + runs, tally.grantedCount(), seconds, rate,
                    tally.rejected(), probe.after(batch, warmingUp));
            out.flush();
            all = all.plus(tally);
            if (!warmingUp) {
                measured = measured.plus(tally);
                rates.add(rate);
            }
        }
        final LedgerTimeSpent spent = decider.timeSpent().since(beforeMeasuring);
        final Map<String, String> stages = channel.stages().takePercentiles();
        ClaimsBenchmark.awaitReleases(all);
        return new Measured(rates, all, measured, spent, stages);
    }
}
