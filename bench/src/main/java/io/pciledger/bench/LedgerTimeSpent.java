package io.pciledger.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.DoubleStream;
import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.KafkaStreams;

/**
 * Where a ledger's stream threads spent their time, from Kafka's own cumulative metrics (KIP-761) and the JVM's
 * per-thread CPU clock: a profile that costs nothing, taken at two moments and subtracted.
 *
 * @param threadCpuNanos     CPU time of the stream threads: processing, serdes, RocksDB, the clients' own work
 * @param blockedNanos       time the stream threads were blocked on Kafka (waiting in poll included)
 * @param flushNanos         of which: waiting for the producer's sends to be acknowledged before a commit
 * @param sendOffsetsNanos   of which: adding the input offsets to the transaction
 * @param commitNanos        of which: committing the transaction
 * @param commits            how many times the threads committed
 * @param punctuations       how many punctuations ran (the ledger's expiry and liveness check of its hosts)
 * @param punctuationMaxMs   the longest punctuation of a stream thread, in milliseconds, as Kafka's windowed
 *                           {@code punctuate-latency-max} shows it when taken (about the last minute), not a sum
 * @param recordsProcessed   records the stream threads processed, in every sub-topology
 */
record LedgerTimeSpent(long threadCpuNanos, long blockedNanos, long flushNanos, long sendOffsetsNanos,
        long commitNanos, long commits, long punctuations, double punctuationMaxMs, long recordsProcessed) {

    static LedgerTimeSpent of(final KafkaStreams streams, final String applicationId) {
        final Map<MetricName, ? extends Metric> metrics = streams.metrics();
        return new LedgerTimeSpent(
                streamThreadCpuNanos(applicationId),
                (long) sum(metrics, "stream-thread-metrics", "blocked-time-ns-total"),
                (long) sum(metrics, "producer-metrics", "flush-time-ns-total"),
                (long) sum(metrics, "producer-metrics", "txn-send-offsets-time-ns-total"),
                (long) sum(metrics, "producer-metrics", "txn-commit-time-ns-total"),
                (long) sum(metrics, "stream-thread-metrics", "commit-total"),
                (long) sum(metrics, "stream-thread-metrics", "punctuate-total"),
                max(metrics, "stream-thread-metrics", "punctuate-latency-max"),
                (long) sum(metrics, "stream-thread-metrics", "process-total"));
    }

    /** What was spent between {@code earlier} and this; the longest punctuation is this one's. */
    LedgerTimeSpent since(final LedgerTimeSpent earlier) {
        return new LedgerTimeSpent(threadCpuNanos - earlier.threadCpuNanos, blockedNanos - earlier.blockedNanos,
                flushNanos - earlier.flushNanos, sendOffsetsNanos - earlier.sendOffsetsNanos,
                commitNanos - earlier.commitNanos, commits - earlier.commits, punctuations - earlier.punctuations,
                punctuationMaxMs, recordsProcessed - earlier.recordsProcessed);
    }

    /** The figures, in seconds and counts, for a result. */
    Map<String, Object> figures() {
        final Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("stream_thread_cpu_s", seconds(threadCpuNanos));
        figures.put("blocked_on_kafka_s", seconds(blockedNanos));
        figures.put("producer_flush_s", seconds(flushNanos));
        figures.put("txn_send_offsets_s", seconds(sendOffsetsNanos));
        figures.put("txn_commit_s", seconds(commitNanos));
        figures.put("commits", commits);
        figures.put("punctuations", punctuations);
        figures.put("punctuation_max_ms", Math.round(punctuationMaxMs * 10) / 10.0);
        figures.put("records_processed", recordsProcessed);
        return figures;
    }

    private static double seconds(final long nanos) {
        return Math.round(nanos / 1e7) / 100.0;
    }

    private static double max(final Map<MetricName, ? extends Metric> metrics, final String group,
            final String name) {
        return values(metrics, group, name).max().orElse(0);
    }

    private static double sum(final Map<MetricName, ? extends Metric> metrics, final String group, final String name) {
        return values(metrics, group, name).sum();
    }

    /** The values of the metrics named {@code name} in {@code group}, one per thread or client; NaN left out. */
    private static DoubleStream values(final Map<MetricName, ? extends Metric> metrics, final String group,
            final String name) {
        return metrics.entrySet().stream()
                .filter(metric -> metric.getKey().group().equals(group) && metric.getKey().name().equals(name))
                .map(metric -> metric.getValue().metricValue())
                .filter(value -> value instanceof Number)
                .mapToDouble(value -> ((Number) value).doubleValue())
                .filter(value -> !Double.isNaN(value));
    }

    /** CPU time of this application's stream threads ({@code <application id>-...-StreamThread-<n>}). */
    private static long streamThreadCpuNanos(final String applicationId) {
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long total = 0;
        for (final ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (thread != null && thread.getThreadName().startsWith(applicationId)
                    && thread.getThreadName().contains("-StreamThread-")) {
                total += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
            }
        }
        return total;
    }
}
