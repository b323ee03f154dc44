package io.pciledger.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The ceiling Kafka Streams itself sets on this machine: the simplest {@code exactly_once_v2} application, which
 * copies every record of a topic to another topic and does nothing else, with the ledger's commit interval and
 * stream threads. It is timed like the ledger's fold: from first {@code RUNNING} until its committed input offsets
 * reach the end of the input. Between the raw rate and this lies the price of exactly-once stream processing;
 * between this and the fold, the ledger's own work.
 */
final class PassThroughCopy {

    private static final Duration CHECK_EVERY = Duration.ofMillis(20);

    private PassThroughCopy() {
    }

    /**
     * Copies {@code input} to {@code <runId>.copy} and returns how long that took.
     *
     * @param streamsSettings Kafka Streams properties to add, e.g. {@code commit.interval.ms}
     */
    static Duration run(final BenchKafka kafka, final Admin admin, final String runId, final String input,
            final int partitions, final Map<String, Object> streamsSettings, final Duration timeout)
            throws Exception {
        final String output = runId + ".copy";
        final String applicationId = runId + "-copy";
        RunTopics.createPlain(admin, output, partitions);
        final Map<TopicPartition, Long> ends = RunTopics.endOffsets(admin, input);
        final StreamsBuilder builder = new StreamsBuilder();
        builder.stream(input, Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()))
                .to(output, Produced.with(Serdes.ByteArray(), Serdes.ByteArray()));
        final Path stateDir = ScratchSpace.create("copy-state");
        final Properties properties = new Properties();
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
                    throw new IllegalStateException("the pass-through copy of " + input + " did not finish within "
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
