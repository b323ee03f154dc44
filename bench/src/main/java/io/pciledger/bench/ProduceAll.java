package io.pciledger.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends records with a plain idempotent producer ({@code acks=all}, every other setting the client's default) as
 * fast as it takes them, and waits until every one is acknowledged. The raw baseline of {@code bench fold} is this,
 * timed; the fold's input is produced the same way, untimed.
 */
final class ProduceAll {

    private ProduceAll() {
    }

    /**
     * @return from the first send until the last acknowledgement
     * @throws KafkaException when a record was not acknowledged
     */
    static Duration send(final Map<String, Object> clientProperties, final String topic,
            final List<EncodedFact> records) {
        final Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        final AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer =
                new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            // Connect and fetch the topic's metadata before the clock starts: that is set-up, not throughput.
            producer.partitionsFor(topic);
            final long started = System.nanoTime();
            for (final EncodedFact record : records) {
                producer.send(new ProducerRecord<>(topic, record.host(), record.value()), (metadata, exception) -> {
                    if (exception != null) {
                        failure.compareAndSet(null, exception);
                    }
                });
            }
            producer.flush();
            final Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            if (failure.get() != null) {
                throw new KafkaException("a record to " + topic + " was not acknowledged", failure.get());
            }
            return elapsed;
        }
    }
}
