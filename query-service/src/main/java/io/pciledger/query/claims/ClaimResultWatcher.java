package io.pciledger.query.claims;

import io.pciledger.query.kafka.TopicPartitions;
import io.pciledger.schemas.result.ClaimResult;
import io.pciledger.schemas.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each command its committed answer: follows {@code pci.claim-results} with
 * {@code isolation.level=read_committed} from the end (no consumer group: every instance sees every result) and
 * completes the future registered for the result's command id. A claim is answered only from here, so a client
 * is never told "granted" about a decision whose transaction could still abort.
 *
 * <p>Register before sending the command; results of commands nobody here waits for are ignored.
 */
public final class ClaimResultWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimResultWatcher.class);

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Deserializer<ClaimResult> results = Topics.CLAIM_RESULTS.valueSerde().deserializer();
    private final Map<String, CompletableFuture<ClaimResult>> waiting = new ConcurrentHashMap<>();
    private final CountDownLatch positioned = new CountDownLatch(1);
    private final Thread follower;
    private volatile boolean closed;

    public ClaimResultWatcher(final String topic, final Map<String, Object> clientProperties) {
        this.topic = topic;
        final Properties properties = new Properties();
        properties.putAll(clientProperties);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        // Answers should not wait for a fetch to fill up.
        properties.putIfAbsent(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        this.follower = new Thread(this::follow, "claim-results-watcher");
        this.follower.setDaemon(true);
    }

    public ClaimResultWatcher start() {
        follower.start();
        return this;
    }

    /** Waits until the watcher reads from the end of every partition: from then on, no result is missed. */
    public boolean awaitPositioned(final Duration timeout) throws InterruptedException {
        return positioned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isPositioned() {
        return positioned.getCount() == 0;
    }

    /** The future answer to the command {@code commandId}; call {@link #forget} when giving up on it. */
    public CompletableFuture<ClaimResult> expect(final String commandId) {
        return waiting.computeIfAbsent(commandId, id -> new CompletableFuture<>());
    }

    public void forget(final String commandId) {
        waiting.remove(commandId);
    }

    private void follow() {
        try {
            final List<TopicPartition> partitions = TopicPartitions.of(consumer, topic, () -> closed);
            if (partitions.isEmpty()) {
                return;
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            positioned.countDown();
            while (!closed) {
                for (final ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    final ClaimResult result = decode(record);
                    if (result != null) {
                        final CompletableFuture<ClaimResult> answer = waiting.remove(result.getCommandId());
                        if (answer != null) {
                            answer.complete(result);
                        }
                    }
                }
            }
        } catch (final WakeupException | InterruptedException closing) {
            // close() woke the poll
        } catch (final RuntimeException failure) {
            LOG.error("Stopped reading {}: claims will time out", topic, failure);
        } finally {
            consumer.close();
        }
    }

    private ClaimResult decode(final ConsumerRecord<String, byte[]> record) {
        try {
            return record.value() == null ? null : results.deserialize(topic, record.value());
        } catch (final RuntimeException unreadable) {
            LOG.warn("Skipped an unreadable claim result at {}-{}@{}: {}", topic, record.partition(), record.offset(),
                    unreadable.getMessage());
            return null;
        }
    }

    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
        try {
            follower.join(Duration.ofSeconds(10).toMillis());
        } catch (final InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
