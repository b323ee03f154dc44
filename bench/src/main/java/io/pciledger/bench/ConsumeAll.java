package io.pciledger.bench;

import io.pciledger.schemas.kafka.TopicContents;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a whole topic with a plain consumer, as fast as it delivers: no consumer group, every setting the client's
 * default ({@code read_uncommitted}, 500 records a poll), values left as bytes. The consume half of the raw
 * baseline ({@code bench raw-kafka}), the counterpart of {@link ProduceAll}.
 */
final class ConsumeAll {

    private ConsumeAll() {
    }

    /**
     * @return from the first fetch until every partition was read to the end it had when the read started
     * @throws IllegalStateException when the topic held another number of records than {@code expected}, or could
     *                               not be read within {@code timeout}
     */
    static Duration read(final Map<String, Object> clientProperties, final String topic, final long expected,
            final Duration timeout) {
        final Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            // Connect and fetch the topic's metadata before the clock starts: that is set-up, not throughput.
            consumer.partitionsFor(topic);
            final long started = System.nanoTime();
            final long read = TopicContents.readToEnd(consumer, topic, timeout, record -> { });
            final Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            if (read != expected) {
                throw new IllegalStateException("read " + read + " records from " + topic + ", expected " + expected);
            }
            return elapsed;
        }
    }
}
