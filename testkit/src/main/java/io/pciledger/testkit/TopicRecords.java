package io.pciledger.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what a test expects on a topic: from the beginning, committed records only, as a fresh
 * consumer group, until enough have arrived or the time is up. The caller asserts on what came.
 */
public final class TopicRecords {

    private TopicRecords() {
    }

    /**
     * @return the first {@code count} records or more (fewer only when {@code timeout} passed first)
     */
    public static <V> List<ConsumerRecord<String, V>> read(final Map<String, Object> clientProperties,
            final String topic, final Deserializer<V> values, final int count, final Duration timeout) {
        final Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        final List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(topic));
            final long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }
}
