package io.pciledger.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The ceilings Kafka Streams itself sets on this machine, with the ledger's Streams settings (commit interval,
 * threads, poll, no record cache, RocksDB budget: {@link LedgerBenchOptions#plainStreamsSettings}), timed like the
 * ledger's fold: from first {@code RUNNING} until its committed input offsets reach the end of the
 * input.
 * <ul>
 *   <li>{@link Shape#COPY}: the simplest {@code exactly_once_v2} application, which copies every record of a topic
 *       to another topic and does nothing else. Between the raw rate and this lies the price of exactly-once stream
 *       processing.</li>
 *   <li>{@link Shape#COPY_WITH_STATE}: the least any fold must do, in issue 4's words "a ledger write and a
 *       changelog write" a fact: each record is also put into a changelogged RocksDB store (its latest value per
 *       key), without the record cache, as the ledger runs. Between this and the fold lies the ledger's own
 *       work.</li>
 * </ul>
 */
final class PassThroughCopy {

    private static final Duration CHECK_EVERY = Duration.ofMillis(20);

    private PassThroughCopy() {
    }

    /** What the application does with each record. */
    enum Shape {
        /** Copies it to the output topic. */
        COPY,
        /** Puts it into a changelogged store, then copies it to the output topic. */
        COPY_WITH_STATE
    }

    /**
     * Copies {@code input} to {@code <runId>.copy} (or {@code .stored-copy}), as {@code shape} says, and returns
     * how long that took.
     *
     * @param streamsSettings Kafka Streams properties to add, e.g. {@code commit.interval.ms}
     */
    static Duration run(final BenchKafka kafka, final Admin admin, final String runId, final String input,
            final int partitions, final Shape shape, final Map<String, Object> streamsSettings,
            final Duration timeout) throws Exception {
        final String name = shape == Shape.COPY ? "copy" : "stored-copy";
        final String output = runId + "." + name;
        final String applicationId = runId + "-" + name;
        RunTopics.createPlain(admin, output, partitions);
        final Map<TopicPartition, Long> ends = RunTopics.endOffsets(admin, input);
        final StreamsBuilder builder = new StreamsBuilder();
        final KStream<byte[], byte[]> records = builder.stream(input,
                Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()));
        final KStream<byte[], byte[]> copied = shape == Shape.COPY ? records : records
                .toTable(Named.as("latest"), Materialized.<byte[], byte[], KeyValueStore<Bytes, byte[]>>as("latest")
                        .withKeySerde(Serdes.ByteArray())
                        .withValueSerde(Serdes.ByteArray())
                        .withCachingDisabled())
                .toStream();
        copied.to(output, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        final Path stateDir = ScratchSpace.create(name + "-state");
        final Properties properties = new Properties();
        properties.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
        properties.putAll(streamsSettings);
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        try (BenchStreams copy = BenchStreams.start(builder.build(), properties)) {
            final long running = copy.awaitRunning(Duration.ofMinutes(2));
            final CommittedInput committed = new CommittedInput(admin, applicationId, ends);
            while (!committed.reached()) {
                copy.checkAlive();
                if (System.nanoTime() - running > timeout.toNanos()) {
                    throw new IllegalStateException("the " + name + " of " + input + " did not finish within "
                            + timeout);
                }
                Thread.sleep(CHECK_EVERY.toMillis());
            }
            return Duration.ofNanos(System.nanoTime() - running);
        } finally {
            RunTopics.deleteGroup(admin, applicationId);
            DeleteTree.quietly(stateDir);
        }
    }
}
