package io.pciledger.query.view;

import io.pciledger.query.kafka.TopicFollower;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latest committed value of every key of a compacted topic, in memory: it reads every partition from the
 * beginning and keeps following ({@link TopicFollower}). So every instance of the query service holds the whole
 * cloud-wide table (group counts, host pools, group registrations), and what it shows was committed by the ledger,
 * never a transaction that may still abort.
 *
 * <p>A record is turned into the held value by {@code decode} (key, record value); a null result (a tombstone, a
 * deletion marker) removes the key; a record that cannot be decoded is skipped with a warning. A table may pass
 * each change on to a {@link ChangeListener}, which keeps a view of its own (an index) in step.
 *
 * @param <V> the held value
 */
public final class CommittedTable<V> extends TopicFollower {

    private static final Logger LOG = LoggerFactory.getLogger(CommittedTable.class);

    private final BiFunction<String, byte[], V> decode;
    private final ChangeListener<V> listener;
    private final Map<String, V> values = new ConcurrentHashMap<>();
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private Map<TopicPartition, Long> endAtStart;

    /**
     * @param clientProperties Kafka client properties (bootstrap servers, security)
     * @param decode           the held value of a record, or null to remove its key
     */
    public CommittedTable(final String topic, final Map<String, Object> clientProperties,
            final BiFunction<String, byte[], V> decode) {
        this(topic, clientProperties, decode, (key, value) -> { });
    }

    /**
     * @param clientProperties Kafka client properties (bootstrap servers, security)
     * @param decode           the held value of a record, or null to remove its key
     * @param listener         told of every change once the table holds it, on the thread that follows the topic
     */
    public CommittedTable(final String topic, final Map<String, Object> clientProperties,
            final BiFunction<String, byte[], V> decode, final ChangeListener<V> listener) {
        super(topic, clientProperties, Map.of());
        this.decode = decode;
        this.listener = listener;
    }

    /**
     * Told of each change of a {@link CommittedTable}, in the order of the topic's records of the key.
     *
     * @param <V> the held value
     */
    @FunctionalInterface
    public interface ChangeListener<V> {

        /** {@code key} now holds {@code value}; null when the key was removed. */
        void changed(String key, V value);
    }

    @Override
    protected void position(final Consumer<String, byte[]> assigned, final List<TopicPartition> partitions) {
        assigned.seekToBeginning(partitions);
        endAtStart = assigned.endOffsets(partitions);
    }

    @Override
    protected void received(final ConsumerRecord<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        final V value;
        try {
            value = record.value() == null ? null : decode.apply(record.key(), record.value());
        } catch (final RuntimeException unreadable) {
            LOG.warn("Skipped an unreadable record of {} at {}-{}@{}: {}", record.key(), topic(), record.partition(),
                    record.offset(), unreadable.getMessage());
            return;
        }
        if (value == null) {
            values.remove(record.key());
        } else {
            values.put(record.key(), value);
        }
        listener.changed(record.key(), value);
    }

    @Override
    protected void polled(final Consumer<String, byte[]> assigned) {
        if (caughtUp.getCount() > 0 && endAtStart.entrySet().stream()
                .allMatch(end -> assigned.position(end.getKey()) >= end.getValue())) {
            LOG.info("Holding {} keys of {}, caught up", values.size(), topic());
            caughtUp.countDown();
        }
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
}
