package io.pciledger.bench;

import io.pciledger.agent.fleet.SimulatedFleet;
import io.pciledger.ledger.config.LedgerConfig;
import io.pciledger.schemas.topic.TopicNames;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bench claims-ceiling}: the claim rate that {@code exactly_once_v2} itself allows on this machine, with the
 * ledger's Kafka Streams settings. The clients are {@code bench claims}' own ({@link ClaimClient} over a
 * {@link CommandChannel}: a claim sent keyed by host, answered only once its result is committed, each grant released
 * without waiting), but the commands are decided by {@link EchoDecider}, which writes one changelogged record and
 * one result per command and does nothing else. What {@code bench claims} falls short of this is the ledger's own
 * work; what this falls short of 2,000 claims/s no ledger on this machine, commit interval and client count can
 * reach. Not in {@code bench all}.
 */
@Command(name = "claims-ceiling", mixinStandardHelpOptions = true,
        description = "Claims per second when every command is answered by a decider that does nothing but write one "
                + "changelogged record and its result under exactly_once_v2: the ceiling of bench claims.")
public final class ClaimsCeilingBenchmark implements Callable<Integer> {

    @ParentCommand
    private BenchCommand bench;

    @Mixin
    private LedgerBenchOptions options;

    @Option(names = "--hosts", description = "Hosts the claims are keyed by (default 100; 10 with --quick).")
    private Integer hosts;

    @Option(names = "--clients", description = "Concurrent clients, one claim in flight each (default 16; 4 with "
            + "--quick).")
    private Integer clients;

    @Option(names = "--claims", description = "Claims per measured run, over all clients (default 10,000; 200 with "
            + "--quick).")
    private Integer claims;

    @Option(names = "--runs", description = "Measured runs (default 3; 1 with --quick).")
    private Integer runs;

    @Option(names = "--warmup-claims", description = "Claims before the measured runs (default 5,000; 40 with "
            + "--quick).")
    private Integer warmupClaims;

    @Override
    public Integer call() throws Exception {
        final int hostCount = options.sized(hosts, 10, 100);
        final int clientCount = options.sized(clients, 4, 16);
        final int claimsPerRun = options.sized(claims, 200, 10_000);
        final int measuredRuns = options.sized(runs, 1, 3);
        final int warmup = options.sized(warmupClaims, 40, 5_000);
        LedgerBenchOptions.requirePositive("--hosts", hostCount);
        LedgerBenchOptions.requirePositive("--clients", clientCount);
        LedgerBenchOptions.requirePositive("--claims", claimsPerRun);
        LedgerBenchOptions.requirePositive("--runs", measuredRuns);
        if (warmup < 0) {
            throw new IllegalArgumentException("--warmup-claims must be 0 or more, was " + warmup);
        }
        final PrintWriter out = bench.out();
        final List<String> hostNames = SimulatedFleet.hostNames(hostCount);
        final String runId = "bench-claims-ceiling-" + System.currentTimeMillis();
        final Path stateDir = ScratchSpace.create("claims-ceiling-state");
        try (BenchKafka kafka = BenchKafka.connect(options.bootstrapServers);
                Admin admin = Admin.create(kafka.clientProperties())) {
            try {
                final TopicNames names = RunTopics.provision(admin, runId + ".", options.partitions);
                try (BenchStreams decider = BenchStreams.start(EchoDecider.topology(names),
                        streamsProperties(kafka, names, runId, stateDir))) {
                    decider.awaitRunning(Duration.ofMinutes(2));
                    out.printf("claims-ceiling: %d clients, %,d hosts, the echo decider%n", clientCount, hostCount);
                    out.flush();
                    final Samples rates = new Samples();
                    final List<Long> rateRuns = new ArrayList<>();
                    ClaimTally all = new ClaimTally();
                    ClaimTally measured = new ClaimTally();
                    LedgerTimeSpent beforeMeasuring = null;
                    final LedgerTimeSpent spentMeasuring;
                    final Map<String, String> stages;
                    try (CommandChannel channel = new CommandChannel(kafka.clientProperties(), names)) {
                        for (int run = 0; run <= measuredRuns; run++) {
                            final boolean warmingUp = run == 0;
                            final int batch = warmingUp ? warmup : claimsPerRun;
                            if (batch == 0) {
                                continue;
                            }
                            if (run == 1) {
                                beforeMeasuring = decider.timeSpent();
                                channel.stages().takePercentiles();
                            }
                            final long started = System.nanoTime();
                            final ClaimTally tally = ClaimsBenchmark.runClients(channel, hostNames, clientCount, batch,
                                    run, decider);
                            final double rate = tally.grantedCount() / ((System.nanoTime() - started) / 1e9);
                            out.printf("  %s: %,d granted = %,.0f granted claims/s%n",
                                    warmingUp ? "warm-up" : "run " + run + "/" + measuredRuns, tally.grantedCount(),
                                    rate);
                            out.flush();
                            all = all.plus(tally);
                            if (!warmingUp) {
                                measured = measured.plus(tally);
                                rates.add(rate);
                                rateRuns.add(Math.round(rate));
                            }
                        }
                        spentMeasuring = decider.timeSpent().since(beforeMeasuring);
                        stages = channel.stages().takePercentiles();
                        ClaimsBenchmark.awaitReleases(all);
                    }
                    final Samples latencies = new Samples();
                    measured.latenciesMs().forEach(latencies::add);
                    final BenchmarkResult result = new BenchmarkResult("claims-ceiling", BenchmarkResult.figures(
                            "kafka", kafka.describe(),
                            "partitions", options.partitions,
                            "stream_threads", options.streamThreads == null ? 1 : options.streamThreads,
                            "commit_interval_ms", options.effectiveCommitIntervalMs(),
                            "hosts", hostCount,
                            "clients", clientCount + " (closed loop, one claim in flight each)",
                            "decider", "echo: one changelogged record and one result per command",
                            "runs", measuredRuns + " x " + claimsPerRun + " claims after " + warmup + " warm-up",
                            "granted_claims_per_s_median", Math.round(rates.median()),
                            "granted_claims_per_s_runs", rateRuns,
                            "latency_p50_ms", AgentScanBenchmark.round(latencies.median()),
                            "latency_p99_ms", AgentScanBenchmark.round(latencies.percentile(99)),
                            "latency_by_stage_ms", stages,
                            "decider_time_in_measured_runs", spentMeasuring.figures(),
                            "stream_thread_cpu_us_per_command", Math.round(spentMeasuring.threadCpuNanos() / 1e3
                                    / Math.max(1, 2L * measured.grantedCount() + measured.rejectedCount()))),
                            "none: the most bench claims could reach with these settings on this machine", true);
                    ResultsWriter.write(result, bench.resultsFolder(), out);
                    return 0;
                }
            } finally {
                RunTopics.deleteAll(admin, runId);
                RunTopics.deleteGroup(admin, runId);
            }
        } finally {
            DeleteTree.quietly(stateDir);
        }
    }

    /** The ledger's own Kafka Streams settings (poll, record cache, RocksDB budget, commit interval, -X settings). */
    private Properties streamsProperties(final BenchKafka kafka, final TopicNames names, final String applicationId,
            final Path stateDir) {
        final Map<String, Object> config = new HashMap<>(options.ledgerSettings());
        config.put(LedgerConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        config.put(LedgerConfig.APPLICATION_ID, applicationId);
        config.put(LedgerConfig.TOPIC_PREFIX, names.prefix());
        config.put(LedgerConfig.STATE_DIR, stateDir.toString());
        return new LedgerConfig(config).streamsProperties();
    }
}
