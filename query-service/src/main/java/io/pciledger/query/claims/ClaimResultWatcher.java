package io.pciledger.query.claims;

import io.pciledger.query.kafka.TopicFollower;
import io.pciledger.schemas.result.ClaimResult;
import io.pciledger.schemas.topic.Topics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.Deserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands each command its committed answer: follows {@code pci.claim-results} from the end, read committed
 * ({@link TopicFollower}), and completes the future registered for the result's command id. A claim is answered
 * only from here, so a client is never told "granted" about a decision whose transaction could still abort.
 *
 * <p>Register before sending the command; results of commands nobody here waits for are ignored.
 */
public final class ClaimResultWatcher extends TopicFollower implements ResultSource {

    private static final Logger LOG = LoggerFactory.getLogger(ClaimResultWatcher.class);
    /** Answers should not wait for a fetch to fill up. */
    private static final Map<String, Object> PROMPT_FETCHES = Map.of(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);

    private final Deserializer<ClaimResult> results = Topics.CLAIM_RESULTS.valueSerde().deserializer();
    private final Map<String, CompletableFuture<ClaimResult>> waiting = new ConcurrentHashMap<>();
    private final CountDownLatch positioned = new CountDownLatch(1);

    public ClaimResultWatcher(final String topic, final Map<String, Object> clientProperties) {
        super(topic, clientProperties, PROMPT_FETCHES);
    }

    @Override
    protected void position(final Consumer<String, byte[]> assigned, final List<TopicPartition> partitions) {
        assigned.seekToEnd(partitions);
        partitions.forEach(assigned::position);
        positioned.countDown();
    }

    @Override
    protected void received(final ConsumerRecord<String, byte[]> record) {
        final ClaimResult result = decode(record);
        if (result != null) {
            final CompletableFuture<ClaimResult> answer = waiting.remove(result.getCommandId());
            if (answer != null) {
                answer.complete(result);
            }
        }
    }

    /** Waits until the watcher reads from the end of every partition: from then on, no result is missed. */
    public boolean awaitPositioned(final Duration timeout) throws InterruptedException {
        return positioned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isPositioned() {
        return positioned.getCount() == 0;
    }

    /** The future answer to the command {@code commandId}; call {@link #forget} when giving up on it. */
    @Override
    public CompletableFuture<ClaimResult> expect(final String commandId) {
        return waiting.computeIfAbsent(commandId, id -> new CompletableFuture<>());
    }

    @Override
    public void forget(final String commandId) {
        waiting.remove(commandId);
    }

    private ClaimResult decode(final ConsumerRecord<String, byte[]> record) {
        try {
            return record.value() == null ? null : results.deserialize(topic(), record.value());
        } catch (final RuntimeException unreadable) {
            LOG.warn("Skipped an unreadable claim result at {}-{}@{}: {}", topic(), record.partition(),
                    record.offset(), unreadable.getMessage());
            return null;
        }
    }
}
