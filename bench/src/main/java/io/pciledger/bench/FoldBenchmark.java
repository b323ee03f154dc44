package io.pciledger.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import io.pciledger.schemas.topic.Topics;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bench fold}: how fast the ledger folds inventory facts end to end under {@code exactly_once_v2}, against
 * how fast the same broker takes records of the same sizes from a plain idempotent producer. Target (issue 4): the
 * fold rate is at least 0.3 × the raw rate, both measured in the same run.
 *
 * <p>Every run, after the warm-up runs and again for each measured run:
 * <ol>
 *   <li>raw: the encoded facts (same keys, same bytes) go to a fresh topic of the same partition count with
 *       {@code acks=all} and idempotence ({@link RawProduce}); rate = records / time until all are acknowledged;</li>
 *   <li>pass-through: the simplest exactly-once Streams application copies that topic ({@link PassThroughCopy}),
 *       the ceiling Kafka Streams sets before the ledger does any work;</li>
 *   <li>stored copy: the same, putting each record into a changelogged store as well, the least work any fold
 *       does (a ledger write and a changelog write a fact);</li>
 *   <li>fold: the facts go to a fresh {@code pci.inventory} (untimed), a fresh ledger starts and is timed until it
 *       has folded them end to end ({@link LedgerFold}); rate = facts / that time.</li>
 * </ol>
 * The headline is median fold rate / median raw rate. The facts are {@link FoldFacts}.
 */
@Command(name = "fold", mixinStandardHelpOptions = true,
        description = "Inventory facts folded end to end by the ledger (exactly_once_v2), against the raw produce rate "
                + "of records of the same size on the same broker.")
public final class FoldBenchmark implements Callable<Integer> {

    static final double TARGET_RATIO = 0.3;

    @ParentCommand
    private BenchCommand bench;

    @Mixin
    private LedgerBenchOptions options;

    @Option(names = "--facts", description = "Inventory facts per run (default 100,000; 5,000 with --quick).")
    private Integer facts;

    @Option(names = "--hosts", description = "Hosts the facts are about (default 1,000; 50 with --quick).")
    private Integer hosts;

    @Mixin
    private RunCounts runs;

    @Option(names = "--timeout-minutes", defaultValue = "30",
            description = "Give a fold up after this long (default ${DEFAULT-VALUE}).")
    private int timeoutMinutes;

    @Override
    public Integer call() throws Exception {
        final int factCount = options.sized(facts, 5_000, 100_000);
        final int hostCount = options.sized(hosts, 50, 1_000);
        final int measuredRuns = runs.measured(options);
        final int warmupRuns = runs.warmup(options);
        options.requirePositive("--facts", factCount);
        options.requirePositive("--hosts", hostCount);
        options.requirePositive("--timeout-minutes", timeoutMinutes);
        final Map<String, Object> ledgerSettings = options.ledgerSettings();
        final PrintWriter out = bench.out();

        final long setUpStarted = System.nanoTime();
        final FoldFacts generated = FoldFacts.generate(factCount, hostCount);
        final Map<InventoryMix.Kind, Integer> census = InventoryMix.census(generated.mix());
        final ExpectedFold expected = ExpectedFold.of(generated.mix());
        final List<EncodedFact> encoded = generated.encoded();
        out.printf("fold: %,d facts over %,d hosts (%s), %,d ledger events expected; set-up %.1f s%n", factCount,
                hostCount, census, expected.ledgerEvents(), (System.nanoTime() - setUpStarted) / 1e9);
        out.flush();

        final Samples raw = new Samples();
        final Samples fold = new Samples();
        final Samples startup = new Samples();
        final Samples copy = new Samples();
        final List<Long> copyRuns = new ArrayList<>();
        final Samples storedCopy = new Samples();
        final List<Long> storedCopyRuns = new ArrayList<>();
        final List<Long> rawRuns = new ArrayList<>();
        final List<Long> foldRuns = new ArrayList<>();
        LedgerTimeSpent lastTimeSpent = null;
        long rawBytesPerRecord = 0;
        Map<String, Long> foldBytesPerFact = Map.of();
        final String session = "bench-fold-" + System.currentTimeMillis();
        try (BenchKafka kafka = BenchKafka.connect(options.bootstrapServers);
                Admin admin = Admin.create(kafka.clientProperties())) {
            for (int run = 0; run < warmupRuns + measuredRuns; run++) {
                final String runId = session + "-" + run;
                final boolean warmingUp = run < warmupRuns;
                final Baselines baselines = baselines(kafka, admin, runId, encoded);
                final double rawRate = baselines.recordsPerSecond();
                out.printf("  run %d/%d%s: raw %,.0f records/s, exactly-once pass-through copy %,.0f records/s, "
                                + "stored copy %,.0f records/s; folding ...%n", run + 1, warmupRuns + measuredRuns,
                        warmingUp ? " (warm-up)" : "", rawRate, baselines.copiedPerSecond(),
                        baselines.storedCopiedPerSecond());
                out.flush();
                final LedgerFold.Measurement measured = LedgerFold.run(kafka, admin, runId, options.partitions,
                        encoded, expected, ledgerSettings, Duration.ofMinutes(timeoutMinutes));
                final double foldRate = measured.factsPerSecond(factCount);
                out.printf("  run %d/%d%s: fold %,.0f facts/s, ratio %.3f (start-up %.1f s, input committed "
                                + "after %.1f s, folded end to end after %.1f s)%n    ledger time: %s%n",
                        run + 1, warmupRuns + measuredRuns, warmingUp ? " (warm-up)" : "", foldRate,
                        foldRate / rawRate, seconds(measured.startup()), seconds(measured.inputCommitted()),
                        seconds(measured.fold()), measured.timeSpent().figures());
                out.flush();
                if (!warmingUp) {
                    lastTimeSpent = measured.timeSpent();
                    rawBytesPerRecord = Math.round((double) baselines.bytes() / factCount);
                    copy.add(baselines.copiedPerSecond());
                    copyRuns.add(Math.round(baselines.copiedPerSecond()));
                    storedCopy.add(baselines.storedCopiedPerSecond());
                    storedCopyRuns.add(Math.round(baselines.storedCopiedPerSecond()));
                    foldBytesPerFact = bytesPerFact(measured.bytesWritten(), factCount);
                    raw.add(rawRate);
                    fold.add(foldRate);
                    startup.add(seconds(measured.startup()));
                    rawRuns.add(Math.round(rawRate));
                    foldRuns.add(Math.round(foldRate));
                }
            }
            final double ratio = fold.median() / raw.median();
            final BenchmarkResult result = new BenchmarkResult("fold", BenchmarkResult.figures(
                    "kafka", kafka.describe(),
                    "partitions", options.partitions,
                    "stream_threads", options.effectiveStreamThreads(),
                    "commit_interval_ms", options.effectiveCommitIntervalMs(),
                    "hosts", hostCount,
                    "facts", factCount,
                    "fact_mix", census,
                    "fact_value_bytes_mean", Math.round(EncodedFact.meanValueBytes(encoded)),
                    "ledger_events_per_run", expected.ledgerEvents(),
                    "runs", measuredRuns + " after " + warmupRuns + " warm-up",
                    "raw_records_per_s_median", Math.round(raw.median()),
                    "fold_facts_per_s_median", Math.round(fold.median()),
                    "fold_to_raw_ratio", Math.round(ratio * 1000) / 1000.0,
                    "passthrough_copy_per_s_median", Math.round(copy.median()),
                    "passthrough_to_raw_ratio", Math.round(copy.median() / raw.median() * 1000) / 1000.0,
                    "stored_copy_per_s_median", Math.round(storedCopy.median()),
                    "stored_copy_to_raw_ratio", Math.round(storedCopy.median() / raw.median() * 1000) / 1000.0,
                    "fold_to_stored_copy_ratio", Math.round(fold.median() / storedCopy.median() * 1000) / 1000.0,
                    "raw_records_per_s_runs", rawRuns,
                    "passthrough_copy_per_s_runs", copyRuns,
                    "stored_copy_per_s_runs", storedCopyRuns,
                    "fold_facts_per_s_runs", foldRuns,
                    "ledger_startup_s_median", AgentScanBenchmark.round(startup.median()),
                    "ledger_time_in_last_fold", lastTimeSpent.figures(),
                    "raw_bytes_written_per_record", rawBytesPerRecord,
                    "fold_bytes_written_per_fact", foldBytesPerFact.values().stream().mapToLong(Long::longValue).sum(),
                    "fold_bytes_written_per_fact_by_topic", foldBytesPerFact,
                    "checked", "every run: committed pci.ledger events and pci.group-counts = domain fold"),
                    String.format(Locale.ROOT, "fold rate >= %.1f x raw rate", TARGET_RATIO), ratio >= TARGET_RATIO);
            ResultsWriter.write(result, bench.resultsFolder(), out);
            return 0;
        }
    }

    /**
     * The baselines of one run.
     *
     * @param recordsPerSecond records a plain idempotent producer got acknowledged per second
     * @param bytes            what its topic's logs hold afterwards
     * @param copiedPerSecond  records per second the simplest exactly-once Streams application copied
     * @param storedCopiedPerSecond records per second it copied when it also put each into a changelogged store
     */
    private record Baselines(double recordsPerSecond, long bytes, double copiedPerSecond,
            double storedCopiedPerSecond) {
    }

    private Baselines baselines(final BenchKafka kafka, final Admin admin, final String runId,
            final List<EncodedFact> records) throws Exception {
        final String topic = runId + ".raw";
        try {
            final RawProduce produced = RawProduce.run(kafka, admin, topic, options.partitions, records);
            final Map<String, Object> streamsSettings = options.plainStreamsSettings();
            final Duration copied = PassThroughCopy.run(kafka, admin, runId, topic, options.partitions,
                    PassThroughCopy.Shape.COPY, streamsSettings, Duration.ofMinutes(timeoutMinutes));
            final Duration storedCopied = PassThroughCopy.run(kafka, admin, runId, topic, options.partitions,
                    PassThroughCopy.Shape.COPY_WITH_STATE, streamsSettings, Duration.ofMinutes(timeoutMinutes));
            return new Baselines(produced.recordsPerSecond(), produced.bytes(),
                    RawProduce.perSecond(records.size(), copied), RawProduce.perSecond(records.size(), storedCopied));
        } finally {
            RunTopics.deleteAll(admin, runId);
        }
    }

    /** Bytes the fold wrote per fact, by topic, the input left out. */
    private static Map<String, Long> bytesPerFact(final Map<String, Long> bytesWritten, final int facts) {
        final Map<String, Long> perFact = new LinkedHashMap<>();
        bytesWritten.forEach((topic, bytes) -> {
            if (!topic.equals(Topics.INVENTORY.name())) {
                perFact.put(topic, Math.round((double) bytes / facts));
            }
        });
        return perFact;
    }

    private static double seconds(final Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
