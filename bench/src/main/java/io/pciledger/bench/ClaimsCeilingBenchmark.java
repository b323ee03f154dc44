package io.pciledger.bench;

import io.pciledger.agent.fleet.SimulatedFleet;
import io.pciledger.schemas.topic.TopicNames;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    private ClaimLoadOptions load;

    @Override
    public Integer call() throws Exception {
        final ClaimLoadOptions.Sizes sizes = load.sizes(options);
        final PrintWriter out = bench.out();
        final List<String> hostNames = SimulatedFleet.hostNames(sizes.hosts());
        final String runId = "bench-claims-ceiling-" + System.currentTimeMillis();
        final Path stateDir = ScratchSpace.create("claims-ceiling-state");
        try (BenchKafka kafka = BenchKafka.connect(options.bootstrapServers);
                Admin admin = Admin.create(kafka.clientProperties())) {
            try {
                final TopicNames names = RunTopics.provision(admin, runId + ".", options.partitions);
                try (BenchStreams decider = BenchStreams.start(EchoDecider.topology(names),
                        streamsProperties(kafka, runId, stateDir))) {
                    decider.awaitRunning(Duration.ofMinutes(2));
                    out.printf("claims-ceiling: %d clients, %,d hosts, the echo decider%n", sizes.clients(),
                            sizes.hosts());
                    out.flush();
                    final ClaimBatches.Measured batches;
                    try (CommandChannel channel = new CommandChannel(kafka.clientProperties(), names)) {
                        batches = ClaimBatches.run(channel, decider, hostNames, sizes, out,
                                ClaimBatches.BatchProbe.NONE);
                    }
                    final Samples latencies = batches.latencies();
                    final BenchmarkResult result = new BenchmarkResult("claims-ceiling", BenchmarkResult.figures(
                            "kafka", kafka.describe(),
                            "partitions", options.partitions,
                            "stream_threads", options.effectiveStreamThreads(),
                            "commit_interval_ms", options.effectiveCommitIntervalMs(),
                            "hosts", sizes.hosts(),
                            "clients", sizes.clients() + " (closed loop, one claim in flight each)",
                            "decider", "echo: one changelogged record and one result per command",
                            "grants", sizes.afterGrant(),
                            "runs", sizes.runs() + " x " + sizes.claimsPerRun() + " claims after "
                                    + sizes.warmupClaims() + " warm-up",
                            "granted_claims_per_s_median", Math.round(batches.rateSamples().median()),
                            "granted_claims_per_s_runs", batches.roundedRates(),
                            "latency_p50_ms", AgentScanBenchmark.round(latencies.median()),
                            "latency_p99_ms", AgentScanBenchmark.round(latencies.percentile(99)),
                            "latency_by_stage_ms", batches.stages(),
                            "decider_time_in_measured_runs", batches.spent().figures(),
                            "stream_thread_cpu_us_per_command", batches.streamThreadCpuMicrosPerCommand()),
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
    private Properties streamsProperties(final BenchKafka kafka, final String applicationId, final Path stateDir) {
        final Properties properties = new Properties();
        properties.putAll(options.plainStreamsSettings());
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return properties;
    }
}
