package io.pciledger.bench;

import io.pciledger.schemas.result.ClaimResult;
import io.pciledger.schemas.result.Released;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * The batches of a claims benchmark against one running decider (the ledger, or {@link EchoDecider}): a warm-up
 * batch, then the measured runs, each spread over the clients, each printed as it
 * ends. Where the decider's stream threads spent their time and how long each stage of a command took are taken over
 * the measured runs only. Every release is answered before it returns.
 */
final class ClaimBatches {

    /** How long a client waits for a committed answer before the run fails. */
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

    /**
     * What the batches gave.
     *
     * @param rates    granted claims per second of each measured run
     * @param all      every batch's tally, the warm-up's included
     * @param measured the measured runs' tally
     * @param spent    where the stream threads spent the measured runs
     * @param stages   a command's time by stage over the measured runs
     * @param commandsPerGrant 2 when each grant was released, 1 when it was kept
     */
    record Measured(List<Double> rates, ClaimTally all, ClaimTally measured, LedgerTimeSpent spent,
            Map<String, String> stages, int commandsPerGrant) {

        Samples rateSamples() {
            final Samples samples = new Samples();
            rates.forEach(samples::add);
            return samples;
        }

        List<Long> roundedRates() {
            return rates.stream().map(Math::round).toList();
        }

        /** From sending each measured claim to reading its committed result. */
        Samples latencies() {
            final Samples samples = new Samples();
            measured.latenciesMs().forEach(samples::add);
            return samples;
        }

        /**
         * The stream threads' CPU per command: a grant is two (the claim and its release) or, kept, one; a refusal
         * one.
         */
        long streamThreadCpuMicrosPerCommand() {
            return Math.round(spent.threadCpuNanos() / 1e3
                    / Math.max(1, (long) commandsPerGrant * measured.grantedCount() + measured.rejectedCount()));
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
     * Runs a warm-up batch of {@code sizes.warmupClaims()} claims (none when 0), then {@code sizes.runs()} batches of
     * {@code sizes.claimsPerRun()}, over {@code sizes.clients()} clients.
     */
    static Measured run(final CommandChannel channel, final BenchStreams decider, final List<String> hostNames,
            final ClaimLoadOptions.Sizes sizes, final PrintWriter out, final BatchProbe probe) throws Exception {
        final int runs = sizes.runs();
        final List<Double> rates = new ArrayList<>();
        ClaimTally all = new ClaimTally();
        ClaimTally measured = new ClaimTally();
        LedgerTimeSpent beforeMeasuring = null;
        for (int run = 0; run <= runs; run++) {
            final boolean warmingUp = run == 0;
            final int batch = warmingUp ? sizes.warmupClaims() : sizes.claimsPerRun();
            if (batch == 0) {
                continue;
            }
            if (run == 1) {
                beforeMeasuring = decider.timeSpent();
                channel.stages().takePercentiles();
            }
            probe.before();
            final long started = System.nanoTime();
            final ClaimTally tally = runClients(channel, hostNames, sizes, batch, run, decider);
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
        awaitReleases(all);
        return new Measured(rates, all, measured, spent, stages, sizes.commandsPerGrant());
    }

    /** One batch: {@code claims} claims spread over {@code clients} clients running in parallel. */
    private static ClaimTally runClients(final CommandChannel channel, final List<String> hostNames,
            final ClaimLoadOptions.Sizes sizes, final int claims, final int run, final BenchStreams decider)
            throws Exception {
        final int clients = sizes.clients();
        final ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            final List<Future<ClaimTally>> tallies = new ArrayList<>();
            for (int client = 0; client < clients; client++) {
                final int share = claims / clients + (client < claims % clients ? 1 : 0);
                tallies.add(pool.submit(new ClaimClient(String.format(Locale.ROOT, "r%d-c%02d", run, client),
                        channel, hostNames, share, 31L * run + client, ANSWER_TIMEOUT, sizes.releases())));
            }
            ClaimTally sum = new ClaimTally();
            for (final Future<ClaimTally> tally : tallies) {
                sum = sum.plus(tally.get());
            }
            decider.checkAlive();
            return sum;
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    /** Waits for the committed answer to every release; each must say the devices are back. */
    private static void awaitReleases(final ClaimTally tally) throws Exception {
        for (final CompletableFuture<ClaimResult> release : tally.releases()) {
            final ClaimResult result = release.get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!(result.getOutcome() instanceof Released)) {
                throw new IllegalStateException("release of claim " + result.getClaimId() + " was answered "
                        + result.getOutcome());
            }
        }
    }
}
