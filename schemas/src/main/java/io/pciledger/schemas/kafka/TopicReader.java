package io.pciledger.schemas.kafka;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;

/**
 * Polls a Kafka consumer and steps over records that cannot be decoded, instead of letting one bad
 * record stop the reader for good. Every skipped record is handed to a handler (log it, dead-letter
 * it) with its position and the reason; the records around it are read as usual.
 *
 * <pre>{@code
 * TopicReader<String, LedgerEvent> reader = new TopicReader<>(consumer, bad -> log.warn(bad.describe()));
 * ConsumerRecords<String, LedgerEvent> records = reader.poll(Duration.ofMillis(500));
 * }</pre>
 */
public final class TopicReader<K, V> {

    private static final int MAX_SKIPS_PER_POLL = 1_000;

    private final org.apache.kafka.clients.consumer.Consumer<K, V> consumer;
    private final Consumer<UndecodableRecord> onUndecodable;

    public TopicReader(final org.apache.kafka.clients.consumer.Consumer<K, V> consumer,
                       final Consumer<UndecodableRecord> onUndecodable) {
        this.consumer = consumer;
        this.onUndecodable = onUndecodable;
    }

    /** Like {@code consumer.poll}, skipping (and reporting) undecodable records. */
    public ConsumerRecords<K, V> poll(final Duration timeout) {
        for (int skipped = 0; ; skipped++) {
            try {
                return consumer.poll(timeout);
            } catch (RecordDeserializationException e) {
                if (skipped >= MAX_SKIPS_PER_POLL) {
                    throw e;
                }
                final TopicPartition partition = e.topicPartition();
                onUndecodable.accept(new UndecodableRecord(partition.topic(), partition.partition(), e.offset(),
                        reasonOf(e), bytes(e.keyBuffer()), bytes(e.valueBuffer())));
                consumer.seek(partition, e.offset() + 1);
            }
        }
    }

    private static String reasonOf(final RecordDeserializationException e) {
        return e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
    }

    private static byte[] bytes(final ByteBuffer buffer) {
        if (buffer == null) {
            return null;
        }
        final ByteBuffer copy = buffer.duplicate();
        final byte[] bytes = new byte[copy.remaining()];
        copy.get(bytes);
        return bytes;
    }
}
