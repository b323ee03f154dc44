package io.pciledger.query.kafka;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows every partition of one topic on its own thread, with {@code isolation.level=read_committed} and no
 * consumer group (every instance sees every record, and only what the ledger committed). Subclasses say where to
 * start ({@link #position}) and what to do with each record ({@link #received}).
 *
 * <p>{@link #readToNow} lets a caller wait until what a read-committed reader could see at its call has been
 * received: what the ledger committed before, say, a release was answered is then seen by whatever
 * {@link #received} keeps.
 */
public abstract class TopicFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    private static final Duration IDLE_POLL = Duration.ofMillis(200);
    private static final Duration END_OFFSETS_TIMEOUT = Duration.ofSeconds(1);
    /** Polls while a caller waits: a poll that meets only transaction markers returns empty after its timeout. */
    private static final Duration CATCHING_UP_POLL = Duration.ofMillis(5);

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread follower;
    private final Queue<CompletableFuture<Void>> readToNowAsked = new ConcurrentLinkedQueue<>();
    private final List<EndToReach> endsToReach = new ArrayList<>();
    private volatile boolean started;
    private volatile boolean closed;
    private volatile boolean stopped;
    private volatile boolean idlePoll;

    /**
     * @param clientProperties Kafka client properties (brokers, security); isolation and group are set here
     * @param tuning           consumer properties this follower needs besides (may be empty)
     */
    protected TopicFollower(final String topic, final Map<String, Object> clientProperties,
            final Map<String, Object> tuning) {
        this.topic = topic;
        final Properties properties = new Properties();
        properties.putAll(clientProperties);
        properties.putAll(tuning);
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        this.consumer = new KafkaConsumer<>(properties, new StringDeserializer(), new ByteArrayDeserializer());
        this.follower = new Thread(this::follow, "follower-" + topic);
        this.follower.setDaemon(true);
    }

    /** Seeks every partition of {@code partitions} to where following starts. */
    protected abstract void position(Consumer<String, byte[]> assigned, List<TopicPartition> partitions);

    /** One committed record, in partition order. */
    protected abstract void received(ConsumerRecord<String, byte[]> record);

    /** After each poll, e.g. to notice that the end read at the start is reached. */
    protected void polled(final Consumer<String, byte[]> assigned) {
    }

    public final String topic() {
        return topic;
    }

    public final void start() {
        started = true;
        follower.start();
    }

    /**
     * Completes once every record a read-committed consumer could read at this call has been received: the end
     * offsets (last stable offsets) are read after the call. Failed when the follower stops or cannot read them.
     * The caller bounds the wait: it never completes while the topic cannot be read, nor before {@link #start}. It
     * completes on the following thread, so whatever depends on it should run elsewhere.
     *
     * <p>A transaction is visible here once its marker is written to this topic's partition. Kafka writes the markers
     * of one transaction's partitions after it answers the commit, one partition after another, so a record
     * committed with another topic's record may still be invisible for a moment after that other record is read.
     */
    public final CompletableFuture<Void> readToNow() {
        final CompletableFuture<Void> reached = new CompletableFuture<>();
        readToNowAsked.add(reached);
        if (closed || stopped) {
            failUnasked();
        } else if (idlePoll) {
            consumer.wakeup();
        }
        return reached;
    }

    private void follow() {
        try {
            final List<TopicPartition> partitions = assignAndPosition();
            if (partitions.isEmpty()) {
                return;
            }
            while (!closed) {
                try {
                    followOnce(partitions);
                } catch (final WakeupException woken) {
                    // readToNow() or close(): the loop looks at both
                }
            }
        } catch (final InterruptedException closing) {
            // close() interrupted the wait between attempts to assign
        } catch (final RuntimeException failure) {
            LOG.error("Stopped following {}", topic, failure);
        } finally {
            stopped = true;
            endsToReach.forEach(end -> end.waiting().forEach(waiting -> waiting.completeExceptionally(
                    stoppedFollowing())));
            failUnasked();
            consumer.close();
        }
    }

    private void followOnce(final List<TopicPartition> partitions) {
        // Idle first, then look at the queue: a caller that queues after the look finds idle set and wakes the poll.
        idlePoll = true;
        if (!readToNowAsked.isEmpty() || !endsToReach.isEmpty()) {
            idlePoll = false;
            noteEndsAsked(partitions);
            endsToReach.removeIf(end -> end.answerIfReached(consumer));
        }
        final ConsumerRecords<String, byte[]> records;
        try {
            records = consumer.poll(idlePoll ? IDLE_POLL : CATCHING_UP_POLL);
        } finally {
            idlePoll = false;
        }
        for (final ConsumerRecord<String, byte[]> record : records) {
            received(record);
        }
        polled(consumer);
        endsToReach.removeIf(end -> end.answerIfReached(consumer));
    }

    /**
     * Reads the end offsets for every caller of {@link #readToNow} still waiting; they stay asked if the cluster did
     * not answer in time, and fail if it refused.
     */
    private void noteEndsAsked(final List<TopicPartition> partitions) {
        final List<CompletableFuture<Void>> asked = new ArrayList<>();
        for (CompletableFuture<Void> next; (next = readToNowAsked.poll()) != null; ) {
            if (!next.isDone()) { // a caller that gave up is not asked for again
                asked.add(next);
            }
        }
        if (asked.isEmpty()) {
            return;
        }
        try {
            endsToReach.add(new EndToReach(consumer.endOffsets(partitions, END_OFFSETS_TIMEOUT), asked));
        } catch (final WakeupException woken) {
            readToNowAsked.addAll(asked);
            throw woken;
        } catch (final RetriableException notYet) {
            readToNowAsked.addAll(asked);
            LOG.debug("Could not read the end offsets of {}; asking again: {}", topic, notYet.getMessage());
        } catch (final KafkaException refused) {
            LOG.warn("Could not read the end offsets of {}: {}", topic, refused.getMessage());
            asked.forEach(caller -> caller.completeExceptionally(refused));
        }
    }

    private void failUnasked() {
        for (CompletableFuture<Void> next; (next = readToNowAsked.poll()) != null; ) {
            next.completeExceptionally(stoppedFollowing());
        }
    }

    private IllegalStateException stoppedFollowing() {
        return new IllegalStateException("stopped following " + topic);
    }

    /** End offsets some callers wait for this follower to reach. */
    private record EndToReach(Map<TopicPartition, Long> end, List<CompletableFuture<Void>> waiting) {

        /** Completes the waiting callers if the consumer's position is at or past every end; true if it did. */
        boolean answerIfReached(final Consumer<String, byte[]> assigned) {
            for (final Map.Entry<TopicPartition, Long> partition : end.entrySet()) {
                if (assigned.position(partition.getKey()) < partition.getValue()) {
                    return false;
                }
            }
            waiting.forEach(caller -> caller.complete(null));
            return true;
        }
    }

    /**
     * Finds the topic's partitions, assigns them and positions the consumer. A cluster that does not answer in time
     * (brokers starting, a broker down, an overloaded machine) is asked again rather than leaving the follower stopped
     * for good, and with it the service never ready.
     *
     * @return the partitions; none when closed first
     */
    private List<TopicPartition> assignAndPosition() throws InterruptedException {
        while (!closed) {
            try {
                final List<TopicPartition> partitions = TopicPartitions.of(consumer, topic, () -> closed);
                if (!partitions.isEmpty()) {
                    consumer.assign(partitions);
                    position(consumer, partitions);
                }
                return partitions;
            } catch (final RetriableException notAnswered) {
                LOG.warn("The cluster did not answer in time to follow {}; asking again: {}", topic,
                        notAnswered.getMessage());
                Thread.sleep(RETRY_PAUSE.toMillis());
            } catch (final WakeupException woken) {
                // close(): the loop ends
            }
        }
        return List.of();
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
