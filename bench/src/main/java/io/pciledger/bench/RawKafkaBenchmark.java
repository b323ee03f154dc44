package io.pciledger.bench;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bench raw-kafka}: the raw Kafka baseline every other figure is read against, on the same broker and with
 * the same records as {@code bench fold} ({@link FoldFacts}: same keys, same bytes, about 121 bytes a value, the same
 * partition count). Each run, on a fresh topic:
 *
 * <ol>
 *   <li>produce: the records go to the topic by one plain idempotent producer, {@code acks=all} ({@link RawProduce},
 *       the fold's raw pass); rate = records / time from the first send until the last acknowledgement;</li>
 *   <li>consume: one plain consumer reads the topic from the beginning to the end ({@link ConsumeAll}); rate =
 *       records / time from the first fetch until the last record.</li>
 * </ol>
 * The figures are medians of the measured runs, after the warm-up runs. No target: this is what Kafka itself does
 * on the machine, in this run.
 */
@Command(name = "raw-kafka", mixinStandardHelpOptions = true,
        description = "The raw Kafka baseline: produce (idempotent, acks=all) and consume (plain consumer, beginning to "
                + "end) rates of bench fold's records (~121 B, same keys) on the same broker.")
public final class RawKafkaBenchmark implements Callable<Integer> {

    private static final Duration CONSUME_TIMEOUT = Duration.ofMinutes(5);

    @ParentCommand
    private BenchCommand bench;

    @Mixin
    private KafkaBenchOptions options;

    @Option(names = "--records", description = "Records per run (default 100,000; 5,000 with --quick).")
    private Integer records;

    @Option(names = "--hosts", description = "Hosts the records are keyed by (default 1,000; 50 with --quick).")
    private Integer hosts;

    @Option(names = "--runs", description = "Measured runs (default 5; 1 with --quick).")
    private Integer runs;

    // A fresh broker and client took 3 runs of 100,000 records to reach speed (6,600, 15,000, 28,000, then 116,000
    // records/s) on 2 loaded cores: their hot paths are compiled only after that many.
    @Option(names = "--warmup",
            description = "Unmeasured runs first: a fresh broker needs several to reach speed (default 3; 0 with --quick).")
    private Integer warmup;

    @Override
    public Integer call() throws Exception {
        final int recordCount = options.sized(records, 5_000, 100_000);
        final int hostCount = options.sized(hosts, 50, 1_000);
        final int measuredRuns = options.sized(runs, 1, 5);
        final int warmupRuns = options.sized(warmup, 0, 3);
        options.requirePositive("--runs", measuredRuns);
        options.requireNotNegative("--warmup", warmupRuns);
        options.requirePositive("--records", recordCount);
        options.requirePositive("--hosts", hostCount);
        options.requirePositive("--partitions", options.partitions);
        final PrintWriter out = bench.out();
        final List<EncodedFact> encoded = FoldFacts.generate(recordCount, hostCount).encoded();

        final Samples produce = new Samples();
        final Samples consume = new Samples();
        final List<Long> produceRuns = new ArrayList<>();
        final List<Long> consumeRuns = new ArrayList<>();
        long bytesPerRecord = 0;
        final String session = "bench-raw-" + System.currentTimeMillis();
        try (BenchKafka kafka = BenchKafka.connect(options.bootstrapServers);
                Admin admin = Admin.create(kafka.clientProperties())) {
            for (int run = 0; run < warmupRuns + measuredRuns; run++) {
                final String runId = session + "-" + run;
                final boolean warmingUp = run < warmupRuns;
                try {
                    final String topic = runId + ".raw";
                    final RawProduce produced = RawProduce.run(kafka, admin, topic, options.partitions, encoded);
                    final double consumed = RawProduce.perSecond(recordCount,
                            ConsumeAll.read(kafka.clientProperties(), topic, recordCount, CONSUME_TIMEOUT));
                    out.printf("  run %d/%d%s: produced %,.0f records/s, consumed %,.0f records/s%n", run + 1,
                            warmupRuns + measuredRuns, warmingUp ? " (warm-up)" : "", produced.recordsPerSecond(),
                            consumed);
                    out.flush();
                    if (!warmingUp) {
                        produce.add(produced.recordsPerSecond());
                        consume.add(consumed);
                        produceRuns.add(Math.round(produced.recordsPerSecond()));
                        consumeRuns.add(Math.round(consumed));
                        bytesPerRecord = Math.round((double) produced.bytes() / recordCount);
                    }
                } finally {
                    RunTopics.deleteAll(admin, runId);
                }
            }
            final double meanValueBytes = EncodedFact.meanValueBytes(encoded);
            final BenchmarkResult result = new BenchmarkResult("raw-kafka", BenchmarkResult.figures(
                    "kafka", kafka.describe(),
                    "partitions", options.partitions,
                    "records", recordCount,
                    "record_value_bytes_mean", Math.round(meanValueBytes),
                    "keys", hostCount + " hosts (bench fold's facts)",
                    "producer", "one KafkaProducer, acks=all, idempotent, client defaults otherwise",
                    "consumer", "one KafkaConsumer, no group, client defaults (read_uncommitted)",
                    "runs", measuredRuns + " after " + warmupRuns + " warm-up",
                    "produce_records_per_s_median", Math.round(produce.median()),
                    "consume_records_per_s_median", Math.round(consume.median()),
                    "produce_value_mb_per_s_median", megabytes(produce.median() * meanValueBytes),
                    "consume_value_mb_per_s_median", megabytes(consume.median() * meanValueBytes),
                    "produce_records_per_s_runs", produceRuns,
                    "consume_records_per_s_runs", consumeRuns,
                    "bytes_written_per_record", bytesPerRecord),
                    "none: the baseline the other scenarios are read against", true);
            ResultsWriter.write(result, bench.resultsFolder(), out);
            return 0;
        }
    }

    /** Megabytes (10^6) per second, of the values alone: keys and record overhead left out. */
    private static double megabytes(final double bytesPerSecond) {
        return Math.round(bytesPerSecond / 1e4) / 100.0;
    }
}
