package io.pciledger.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads every committed record of a topic, as it stands now: {@code read_committed}, from the beginning of every
 * partition up to its last stable offset when the read starts. No consumer group.
 */
final class CommittedRecords {

    private CommittedRecords() {
    }

    /**
     * Hands every committed value of {@code topic}, partition by partition in offset order, to {@code each}.
     *
     * @return how many there were
     * @throws IllegalStateException when the records up to the end were not read within {@code timeout}
     */
    static <V> long forEach(final Map<String, Object> clientProperties, final String topic,
            final Deserializer<V> values, final Duration timeout, final Consumer<V> each) {
        return forEachRecord(clientProperties, topic, values, timeout, record -> each.accept(record.value()));
    }

    /** As {@link #forEach}, handing over whole records (key, partition, offset and value). */
    static <V> long forEachRecord(final Map<String, Object> clientProperties, final String topic,
            final Deserializer<V> values, final Duration timeout, final Consumer<ConsumerRecord<String, V>> each) {
        final Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5000);
        long count = 0;
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            final List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // Under read_committed these are the last stable offsets.
            final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            final long deadline = System.nanoTime() + timeout.toNanos();
            while (!partitions.stream().allMatch(partition -> consumer.position(partition) >= ends.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read " + topic + " to its end within " + timeout);
                }
                for (final ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        each.accept(record);
                        count++;
                    }
                }
            }
        }
        return count;
    }
}
