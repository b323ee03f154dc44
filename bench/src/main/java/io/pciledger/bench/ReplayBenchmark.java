package io.pciledger.bench;

import io.pciledger.ledger.avro.LedgerEvents;
import io.pciledger.ledger.domain.GroupCount;
import io.pciledger.ledger.domain.HostLedger;
import io.pciledger.ledger.domain.HostPools;
import io.pciledger.ledger.domain.LedgerRecord;
import io.pciledger.ledger.replay.FleetState;
import io.pciledger.ledger.replay.LedgerReplay;
import io.pciledger.ledger.replay.ReplayCut;
import io.pciledger.ledger.replay.ReplayProgress;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.Topics;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.serialization.Serializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bench replay}: how long {@code pci-ledger replay --until now} takes over a long ledger, end to end: read
 * {@code pci.ledger} (read committed, from the beginning), decode every event and fold it into every host's ledger,
 * then compute the pools and group counts. Target (issue 6): 1,000,000 events in at most 20 s on 2 cores.
 *
 * <p>Set-up, untimed: a {@link LedgerHistoryMix} of {@code --events} events over {@code --hosts} hosts, decided by the
 * ledger's own sessions and produced with the real serde to a fresh {@code pci.ledger}. Each measured run replays it
 * with {@link LedgerReplay} and must rebuild exactly the hosts' ledgers the history left (archives included).
 */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = "The audit replay (pci-ledger replay --until now) of a long ledger, end to end: consume, decode, "
                + "fold every host's ledger, pools and group counts.")
public final class ReplayBenchmark implements Callable<Integer> {

    static final Duration TARGET = Duration.ofSeconds(20);
    static final long TARGET_EVENTS = 1_000_000;
    private static final long SEED = 6;

    @ParentCommand
    private BenchCommand bench;

    @Mixin
    private LedgerBenchOptions options;

    @Option(names = "--events", description = "Ledger events written (default 1,000,000; 20,000 with --quick).")
    private Long events;

    @Option(names = "--hosts", description = "Hosts the events are about (default 1,000; 20 with --quick).")
    private Integer hosts;

    @Option(names = "--runs", description = "Measured replays (default 3; 1 with --quick).")
    private Integer runs;

    @Option(names = "--warmup", description = "Unmeasured replays first (default 1; 0 with --quick).")
    private Integer warmup;

    @Override
    public Integer call() throws Exception {
        final long eventCount = events != null ? events : options.quick ? 20_000 : TARGET_EVENTS;
        final int hostCount = options.sized(hosts, 20, 1_000);
        final int measuredRuns = options.sized(runs, 1, 3);
        final int warmupRuns = options.sized(warmup, 0, 1);
        options.requirePositive("--events", eventCount);
        options.requirePositive("--hosts", hostCount);
        options.requirePositive("--runs", measuredRuns);
        options.requireNotNegative("--warmup", warmupRuns);
        final PrintWriter out = bench.out();
        final String session = "bench-replay-" + System.currentTimeMillis();
        try (BenchKafka kafka = BenchKafka.connect(options.bootstrapServers);
                Admin admin = Admin.create(kafka.clientProperties())) {
            final TopicNames names = RunTopics.provision(admin, session + ".", options.partitions);
            try {
                final String topic = names.of(Topics.LEDGER);
                final long setUpStarted = System.nanoTime();
                final LedgerHistoryMix history = new LedgerHistoryMix(hostCount, SEED);
                produce(kafka.clientProperties(), topic, history, eventCount);
                final long bytes = RunTopics.bytesOnDisk(admin, names.prefix()).getOrDefault(Topics.LEDGER.name(), 0L);
                out.printf("replay: %,d ledger events over %,d hosts (%s), %,d bytes in %s; set-up %.1f s%n",
                        history.events(), hostCount, history.census(), bytes, topic,
                        (System.nanoTime() - setUpStarted) / 1e9);
                out.flush();
                final Samples seconds = new Samples();
                final Samples rates = new Samples();
                final Samples cpu = new Samples();
                final Samples gc = new Samples();
                Timing last = null;
                for (int run = 0; run < warmupRuns + measuredRuns; run++) {
                    final boolean warmingUp = run < warmupRuns;
                    final Timing timing = replay(kafka.clientProperties(), topic, history, out);
                    out.printf("  run %d/%d%s: %.1f s (read and fold %.1f s, pools and counts %.2f s), %,.0f events/s, "
                                    + "%.1f CPU s, %.1f s in GC%n", run + 1, warmupRuns + measuredRuns,
                            warmingUp ? " (warm-up)" : "", timing.total(), timing.fold(), timing.views(),
                            history.events() / timing.total(), timing.cpu(), timing.gc());
                    out.flush();
                    if (!warmingUp) {
                        seconds.add(timing.total());
                        rates.add(history.events() / timing.total());
                        cpu.add(timing.cpu());
                        gc.add(timing.gc());
                        last = timing;
                    }
                }
                final double scaled = seconds.median() * TARGET_EVENTS / history.events();
                final BenchmarkResult result = new BenchmarkResult("replay", BenchmarkResult.figures(
                        "kafka", kafka.describe(),
                        "partitions", options.partitions,
                        "hosts", hostCount,
                        "ledger_events", history.events(),
                        "event_mix", history.census(),
                        "ledger_bytes", bytes,
                        "runs", measuredRuns + " after " + warmupRuns + " warm-up",
                        "replay_s_median", AgentScanBenchmark.round(seconds.median()),
                        "events_per_s_median", Math.round(rates.median()),
                        "replay_cpu_s_median", AgentScanBenchmark.round(cpu.median()),
                        "replay_gc_s_median", AgentScanBenchmark.round(gc.median()),
                        "read_and_fold_s_last", AgentScanBenchmark.round(last.fold()),
                        "pools_and_counts_s_last", AgentScanBenchmark.round(last.views()),
                        "replay_s_per_million_events", AgentScanBenchmark.round(scaled),
                        "checked", "every run: each host's replayed ledger (archive included) = the ledger the "
                                + "history left"),
                        "1,000,000 events replayed in <= " + TARGET.toSeconds() + " s",
                        scaled <= TARGET.toSeconds());
                ResultsWriter.write(result, bench.resultsFolder(), out);
                return 0;
            } finally {
                RunTopics.deleteAll(admin, session);
            }
        }
    }

    /** Writes the history to {@code topic} with an idempotent producer and the ledger topic's serde. */
    private static void produce(final Map<String, Object> clientProperties, final String topic,
            final LedgerHistoryMix history, final long eventCount) {
        final Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        final Serializer<io.pciledger.schemas.ledger.LedgerEvent> serializer = Topics.LEDGER.valueSerde().serializer();
        final AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            history.write(eventCount, record -> producer.send(new ProducerRecord<>(topic, record.host(),
                    serializer.serialize(topic, LedgerEvents.toAvro(record))), (metadata, exception) -> {
                        if (exception != null) {
                            failure.compareAndSet(null, exception);
                        }
                    }));
            producer.flush();
        }
        if (failure.get() != null) {
            throw new KafkaException("a ledger event to " + topic + " was not acknowledged", failure.get());
        }
    }

    /**
     * One timed replay.
     *
     * @param fold  seconds to read, decode and fold the topic
     * @param views seconds to compute every host's pools and the group counts from the ledgers
     * @param cpu   CPU seconds this JVM used meanwhile, all threads (the broker's not included)
     * @param gc    seconds the JVM's collectors report for the same time (pauses and concurrent work)
     */
    private record Timing(double fold, double views, double cpu, double gc) {
        double total() {
            return fold + views;
        }
    }

    private static Timing replay(final Map<String, Object> clientProperties, final String topic,
            final LedgerHistoryMix history, final PrintWriter out) {
        final ProgressLine progress = new ProgressLine(out);
        final long cpuBefore = ProcessCpu.nanos();
        final long gcBefore = gcMillis();
        final long started = System.nanoTime();
        final FleetState state = new LedgerReplay(clientProperties, topic).fleet(ReplayCut.until(Instant.now()),
                progress::show);
        final long folded = System.nanoTime();
        final SortedMap<String, HostPools> pools = state.pools();
        final SortedMap<String, GroupCount> counts = state.groupCounts();
        final long viewed = System.nanoTime();
        final double cpu = (ProcessCpu.nanos() - cpuBefore) / 1e9;
        final double gc = (gcMillis() - gcBefore) / 1e3;
        check(state, history, pools, counts);
        return new Timing((folded - started) / 1e9, (viewed - folded) / 1e9, cpu, gc);
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(collector -> Math.max(0, collector.getCollectionTime())).sum();
    }

    private static void check(final FleetState state, final LedgerHistoryMix history,
            final SortedMap<String, HostPools> pools, final SortedMap<String, GroupCount> counts) {
        if (!state.problems().isEmpty()) {
            throw new IllegalStateException("the replay met problems: " + state.problems());
        }
        if (state.eventsApplied() != history.events()) {
            throw new IllegalStateException("the replay applied " + state.eventsApplied() + " events of "
                    + history.events());
        }
        final SortedMap<String, HostLedger> expected = history.ledgers();
        if (!state.ledgers().equals(expected)) {
            final String differing = expected.keySet().stream()
                    .filter(host -> !expected.get(host).equals(state.ledgers().get(host))).findFirst().orElse("?");
            throw new IllegalStateException("the replayed ledger of " + differing + " differs from the history's: "
                    + state.ledgers().get(differing) + " vs " + expected.get(differing));
        }
        if (pools.size() != expected.size() || counts.isEmpty()) {
            throw new IllegalStateException("pools of " + pools.size() + " hosts and " + counts.size()
                    + " group counts from " + expected.size() + " hosts");
        }
    }

    /** Shows a replay's progress every two seconds. */
    private static final class ProgressLine {

        private final PrintWriter out;
        private long shownAt = System.nanoTime();

        ProgressLine(final PrintWriter out) {
            this.out = out;
        }

        void show(final ReplayProgress progress) {
            if (System.nanoTime() - shownAt > 2_000_000_000L) {
                shownAt = System.nanoTime();
                out.printf("    %,d records read (%.0f %%), %,.0f records/s%n", progress.recordsRead(),
                        progress.fractionRead() * 100, progress.recordsPerSecond());
                out.flush();
            }
        }
    }
}
