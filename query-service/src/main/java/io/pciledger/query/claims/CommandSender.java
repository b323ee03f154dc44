package io.pciledger.query.claims;

import io.pciledger.schemas.command.Command;
import io.pciledger.schemas.topic.Topics;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes commands to {@code pci.commands}, keyed by host (so the task that owns the host decides them in order),
 * with an idempotent producer and {@code acks=all}: a command the broker acknowledged is not lost, and a producer
 * retry does not write it twice. (A second copy would do no harm anyway: the ledger answers a repeated claim id
 * with the stored outcome.)
 */
public final class CommandSender implements CommandSink, AutoCloseable {

    private final String topic;
    private final KafkaProducer<String, Command> producer;

    public CommandSender(final String topic, final Map<String, Object> clientProperties) {
        this.topic = topic;
        final Properties properties = new Properties();
        properties.putAll(clientProperties);
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 0);
        this.producer = new KafkaProducer<>(properties, new StringSerializer(),
                Topics.COMMANDS.valueSerde().serializer());
    }

    public Future<RecordMetadata> send(final Command command) {
        return producer.send(new ProducerRecord<>(topic, command.getHost(), command));
    }

    /** As {@link #send(Command)}; {@code acknowledged} runs on the producer's I/O thread once the broker answered. */
    @Override
    public Future<RecordMetadata> send(final Command command, final Callback acknowledged) {
        return producer.send(new ProducerRecord<>(topic, command.getHost(), command), acknowledged);
    }

    @Override
    public void close() {
        producer.close();
    }
}
