package io.pciledger.query.view;

import io.pciledger.query.kafka.TopicPartitions;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest committed value of every key of a compacted topic, in memory: a consumer with
 * {@code isolation.level=read_committed} and no consumer group reads every partition from the beginning and
 * keeps following it. So every instance of the query service holds the whole cloud-wide table (group counts,
 * host pools, group registrations), and what it shows was committed by the ledger, never a transaction that may
 * still abort.
 *
 * <p>A record is turned into the held value by {@code decode} (key, record value); a null result (a tombstone, a
 * deletion marker, a record this version cannot read) removes the key.
 *
 * @param <V> the held value
 */
public final class CommittedTable<V> implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CommittedTable.class);

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final BiFunction<String, byte[], V> decode;
    private final Map<String, V> values = new ConcurrentHashMap<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private final Thread follower;
    private volatile boolean closed;
    private volatile boolean started;

    /**
     * @param clientProperties Kafka client properties (bootstrap servers, security); group and isolation are set here
     * @param decode           the held value of a record, or null to remove its key
     */
    public CommittedTable(final String topic, final Map<String, Object> clientProperties,
            final BiFunction<String, byte[], V> decode) {
        this.topic = topic;
        this.decode = decode;
        final Properties properties = new Properties();
        properties.putAll(clientProperties);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), byteArrays());
        this.follower = new Thread(this::follow, "committed-table-" + topic);
        this.follower.setDaemon(true);
    }

    private static Deserializer<byte[]> byteArrays() {
        return (topicName, data) -> data;
    }

    /** Starts following the topic. */
    public CommittedTable<V> start() {
        started = true;
        follower.start();
        return this;
    }

    /** Waits until every record committed when following started has been read; false on timeout. */
    public boolean awaitCaughtUp(final Duration timeout) throws InterruptedException {
        return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isCaughtUp() {
        return caughtUp.getCount() == 0;
    }

    public Optional<V> get(final String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** A live, unmodifiable view of every key's value. */
    public Map<String, V> all() {
        return Collections.unmodifiableMap(values);
    }

    public String topic() {
        return topic;
    }

    private void follow() {
        try {
            final List<TopicPartition> partitions = TopicPartitions.of(consumer, topic, () -> closed);
            if (partitions.isEmpty()) {
                return;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> endAtStart = consumer.endOffsets(partitions);
            while (!closed) {
                for (final ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    apply(record);
                }
                if (caughtUp.getCount() > 0 && reached(endAtStart)) {
                    LOG.info("Holding {} keys of {}, caught up", values.size(), topic);
                    caughtUp.countDown();
                }
            }
        } catch (final WakeupException | InterruptedException closing) {
            // close() woke the poll
        } catch (final RuntimeException failure) {
            LOG.error("Stopped following {}", topic, failure);
        } finally {
            consumer.close();
        }
    }

    private void apply(final ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        V value;
        try {
            value = record.value() == null ? null : decode.apply(record.key(), record.value());
        } catch (final RuntimeException unreadable) {
            LOG.warn("Skipped an unreadable record of {} at {}-{}@{}: {}", record.key(), topic, record.partition(),
                    record.offset(), unreadable.getMessage());
            return;
        }
        if (value == null) {
            values.remove(record.key());
        } else {
            values.put(record.key(), value);
        }
    }

    private boolean reached(final Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    @Override
    public void close() {
        closed = true;
        if (!started) {
            consumer.close();
            return;
        }
        consumer.wakeup();
        try {
            follower.join(Duration.ofSeconds(10).toMillis());
        } catch (final InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
