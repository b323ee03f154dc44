package io.pciledger.bench;

import io.pciledger.ledger.avro.GroupCountRecords;
import io.pciledger.ledger.domain.GroupCount;
import io.pciledger.schemas.derived.GroupCounts;
import io.pciledger.schemas.topic.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The cloud-wide group counts as a client of {@code pci.group-counts} sees them: committed records only
 * ({@code read_committed}), the latest per group. No consumer group: it reads every partition from the start.
 */
final class CommittedGroupCounts implements AutoCloseable {

    private final KafkaConsumer<String, GroupCounts> consumer;
    private final Map<String, GroupCount> latest = new HashMap<>();

    CommittedGroupCounts(final Map<String, Object> clientProperties, final String topic) {
        final Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                Topics.GROUP_COUNTS.valueSerde().deserializer());
        consumer.assign(consumer.partitionsFor(topic).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList());
        consumer.seekToBeginning(consumer.assignment());
    }

    /** Reads what has been committed since the last call, waiting at most {@code wait} for it. */
    void poll(final Duration wait) {
        for (final ConsumerRecord<String, GroupCounts> record : consumer.poll(wait)) {
            latest.put(record.key(), GroupCountRecords.toDomain(record.value()));
        }
    }

    /** Whether every group has the count {@code expected} says; a group it does not name must count nothing. */
    boolean show(final SortedMap<String, GroupCount> expected) {
        for (final Map.Entry<String, GroupCount> group : expected.entrySet()) {
            if (!group.getValue().equals(latest.get(group.getKey()))) {
                return false;
            }
        }
        return latest.entrySet().stream()
                .allMatch(group -> expected.containsKey(group.getKey()) || group.getValue().isZero());
    }

    /** The latest committed count of every group seen so far, for a message when they do not match. */
    SortedMap<String, GroupCount> seen() {
        return new TreeMap<>(latest);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
