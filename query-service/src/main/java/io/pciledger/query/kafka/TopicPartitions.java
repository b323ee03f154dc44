package io.pciledger.query.kafka;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/** The partitions of a topic as a consumer sees them, waiting out a topic that was created moments ago. */
public final class TopicPartitions {

    private TopicPartitions() {
    }

    /**
     * Every partition of {@code topic}; a topic just created may show none for a moment, so this asks again until
     * it has some, {@code stop} says to give up, or a minute passes.
     *
     * @throws IllegalStateException when the topic has no partitions after a minute
     */
    public static List<TopicPartition> of(final Consumer<?, ?> consumer, final String topic,
            final BooleanSupplier stop) throws InterruptedException {
        final long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!stop.getAsBoolean()) {
            final List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            if (!partitions.isEmpty()) {
                return partitions;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("topic " + topic + " has no partitions; create the topics first");
            }
            Thread.sleep(100);
        }
        return List.of();
    }
}
