package io.pciledger.query.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
 */
public abstract class TopicFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TopicFollower.class);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    private final String topic;
    private final KafkaConsumer<String, byte[]> consumer;
    private final Thread follower;
    private volatile boolean started;
    private volatile boolean closed;

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

    private void follow() {
        try {
            if (assignAndPosition().isEmpty()) {
                return;
            }
            while (!closed) {
                for (final ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    received(record);
                }
                polled(consumer);
            }
        } catch (final WakeupException | InterruptedException closing) {
            // close() woke the poll
        } catch (final RuntimeException failure) {
            LOG.error("Stopped following {}", topic, failure);
        } finally {
            consumer.close();
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
