package io.pciledger.ledger.crash;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Everything a topic holds now, read from the beginning of every partition to its end as seen under an isolation
 * level: with {@code read_committed}, up to the last stable offset, so exactly the records of committed
 * transactions; with {@code read_uncommitted}, also those of open and aborted ones. Partitions are read one after
 * the other, each in offset order.
 */
final class TopicContents {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private TopicContents() {
    }

    static <V> List<ConsumerRecord<String, V>> committed(final Map<String, Object> clientProperties,
            final String topic, final Deserializer<V> values) {
        return read(clientProperties, topic, values, "read_committed");
    }

    static <V> List<ConsumerRecord<String, V>> uncommitted(final Map<String, Object> clientProperties,
            final String topic, final Deserializer<V> values) {
        return read(clientProperties, topic, values, "read_uncommitted");
    }

    private static <V> List<ConsumerRecord<String, V>> read(final Map<String, Object> clientProperties,
            final String topic, final Deserializer<V> values, final String isolation) {
        final Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        final List<ConsumerRecord<String, V>> records = new ArrayList<>();
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            final List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(partition -> new TopicPartition(topic, partition.partition()))
                    .toList();
            final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            for (final TopicPartition partition : partitions) {
                consumer.assign(List.of(partition));
                consumer.seekToBeginning(List.of(partition));
                final long deadline = System.nanoTime() + TIMEOUT.toNanos();
                while (consumer.position(partition, TIMEOUT) < ends.get(partition)) {
                    if (System.nanoTime() > deadline) {
                        throw new AssertionError("could not read " + partition + " to offset "
                                + ends.get(partition) + " (" + isolation + ") within " + TIMEOUT);
                    }
                    consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                }
            }
        }
        return records;
    }
}
