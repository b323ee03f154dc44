package io.pciledger.ledger.topology;

import io.pciledger.schemas.deadletter.DeadLetter;
import io.pciledger.schemas.topic.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the ledger does with an input record no serde can read: it writes it to {@code pci.dead-letters} (key the
 * source topic, value a {@code DeadLetter} with the raw key and value, the reason and {@value #COMPONENT}) and goes
 * on. The dead letter is produced in the same transaction as the task's other output, so it is written exactly
 * once. One unreadable record never stops the ledger, and none is lost without a trace.
 *
 * <p>Configured through the Streams properties: {@value #TOPIC_CONFIG} names the dead-letter topic (with the
 * ledger's prefix); {@link io.pciledger.ledger.config.LedgerConfig} sets it.
 */
public final class DeadLetterHandler implements DeserializationExceptionHandler {

    /** The Streams property naming the dead-letter topic. */
    public static final String TOPIC_CONFIG = "ledger.dead.letters.topic";
    /** The component named in the dead letters this handler writes. */
    public static final String COMPONENT = "ledger-processor";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandler.class);

    private final Serializer<DeadLetter> serializer = Topics.DEAD_LETTERS.valueSerde().serializer();
    private String topic;

    @Override
    public void configure(final Map<String, ?> configs) {
        final Object configured = configs.get(TOPIC_CONFIG);
        if (configured == null || configured.toString().isBlank()) {
            throw new ConfigException(TOPIC_CONFIG, configured, "names the dead-letter topic and must be set");
        }
        topic = configured.toString();
    }

    @Override
    public Response handleError(final ErrorHandlerContext context, final ConsumerRecord<byte[], byte[]> record,
            final Exception exception) {
        final String reason = exception.getClass().getSimpleName() + ": " + exception.getMessage();
        LOG.warn("Dead-lettered {}-{}@{} to {}: {}", record.topic(), record.partition(), record.offset(), topic,
                reason);
        final DeadLetter letter = new DeadLetter(record.topic(), record.partition(), record.offset(),
                wrap(record.key()), wrap(record.value()), reason, COMPONENT, Instant.ofEpochMilli(context.timestamp()));
        return Response.resume(List.of(new ProducerRecord<>(topic, record.topic().getBytes(StandardCharsets.UTF_8),
                serializer.serialize(topic, letter))));
    }

    private static ByteBuffer wrap(final byte[] bytes) {
        return bytes == null ? null : ByteBuffer.wrap(bytes);
    }
}
