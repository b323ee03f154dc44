package io.pciledger.schemas.kafka;

import java.time.Duration;
import java.util.ArrayList;
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
 * Everything a topic holds now, for audits and benchmarks: every partition read from its beginning to the end it
 * has when the read starts, each partition in offset order, without a consumer group. Under {@code read_committed}
 * that end is the last stable offset, so exactly the records of committed transactions are read; under
 * {@code read_uncommitted} also those of open and aborted ones.
 *
 * <pre>{@code
 * TopicContents.forEachCommitted(clientProperties, "pci.ledger", Topics.LEDGER.valueSerde().deserializer(),
 *         Duration.ofMinutes(1), record -> audit.apply(LedgerEvents.toDomain(record.value())));
 * }</pre>
 */
public final class TopicContents {

    private static final int RECORDS_PER_POLL = 5000;

    private TopicContents() {
    }

    /**
     * Hands every committed record of {@code topic} to {@code each}, partition by partition in offset order.
     *
     * @param clientProperties how to reach the cluster (brokers, security)
     * @return how many records there were
     * @throws IllegalStateException when the records up to the end were not read within {@code timeout}
     */
    public static <V> long forEachCommitted(final Map<String, Object> clientProperties, final String topic,
            final Deserializer<V> values, final Duration timeout, final Consumer<ConsumerRecord<String, V>> each) {
        return read(clientProperties, topic, values, timeout, "read_committed", each);
    }

    /** Every committed record of {@code topic}, as {@link #forEachCommitted} reads them. */
    public static <V> List<ConsumerRecord<String, V>> committed(final Map<String, Object> clientProperties,
            final String topic, final Deserializer<V> values, final Duration timeout) {
        final List<ConsumerRecord<String, V>> records = new ArrayList<>();
        read(clientProperties, topic, values, timeout, "read_committed", records::add);
        return records;
    }

    /**
     * Every record of {@code topic}, those of open and aborted transactions included ({@code read_uncommitted}):
     * with {@link #committed}, it tells how many records aborted transactions left behind.
     */
    public static <V> List<ConsumerRecord<String, V>> uncommitted(final Map<String, Object> clientProperties,
            final String topic, final Deserializer<V> values, final Duration timeout) {
        final List<ConsumerRecord<String, V>> records = new ArrayList<>();
        read(clientProperties, topic, values, timeout, "read_uncommitted", records::add);
        return records;
    }

    private static <V> long read(final Map<String, Object> clientProperties, final String topic,
            final Deserializer<V> values, final Duration timeout, final String isolation,
            final Consumer<ConsumerRecord<String, V>> each) {
        final Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolation);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, RECORDS_PER_POLL);
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            return readToEnd(consumer, topic, timeout, each);
        }
    }

    /**
     * With {@code consumer} (no group, nothing assigned yet, configured as the caller likes): every record of
     * {@code topic} from the beginning of every partition up to the end it has when the read starts (the last stable
     * offset under {@code read_committed}), partition by partition in offset order, to {@code each}.
     *
     * @return how many there were
     * @throws IllegalStateException when the records up to the end were not read within {@code timeout}
     */
    public static <V> long readToEnd(final KafkaConsumer<String, V> consumer, final String topic,
            final Duration timeout, final Consumer<ConsumerRecord<String, V>> each) {
        final List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        final Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
        final long deadline = System.nanoTime() + timeout.toNanos();
        long count = 0;
        while (!partitions.stream().allMatch(partition -> consumer.position(partition, timeout)
                >= ends.get(partition))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + topic + " to its end " + ends + " within "
                        + timeout);
            }
            for (final ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(200))) {
                if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    each.accept(record);
                    count++;
                }
            }
        }
        return count;
    }
}
