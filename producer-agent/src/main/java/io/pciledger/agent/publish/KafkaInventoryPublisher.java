package io.pciledger.agent.publish;

import io.pciledger.schemas.inventory.InventoryFact;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.Topics;
import java.util.HashMap;
import java.util.Map;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes inventory facts to {@code pci.inventory}, keyed by host, with an idempotent producer
 * and {@code acks=all}. One publisher serves any number of hosts (a simulated fleet shares one);
 * each host gets its own {@link FactSink} that knows whether its own facts were acknowledged.
 * A host's sink is used by one thread at a time.
 *
 * <p>During a broker outage sends fail after {@code delivery.timeout.ms} (default here 30 s) instead
 * of blocking the agent; the agent then resyncs with a snapshot once the broker is back.
 */
public final class KafkaInventoryPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaInventoryPublisher.class);

    private final Producer<String, InventoryFact> producer;
    private final String topic;

    public KafkaInventoryPublisher(final Map<String, Object> clientProperties, final TopicNames names) {
        this.producer = new KafkaProducer<>(producerConfig(clientProperties), new StringSerializer(),
                Topics.INVENTORY.valueSerde().serializer());
        this.topic = names.of(Topics.INVENTORY);
    }

    static Map<String, Object> producerConfig(final Map<String, Object> clientProperties) {
        final Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.putAll(clientProperties);
        // Not overridable: losing or duplicating a fact would make the ledger's view drift.
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return config;
    }

    /** A sink for one host's facts. */
    public FactSink sinkFor(final String host) {
        return new HostSink(host);
    }

    @Override
    public void close() {
        producer.close();
    }

    private final class HostSink implements FactSink {

        private final String host;
        private final List<Future<RecordMetadata>> pending = new ArrayList<>();
        private boolean failed;

        private HostSink(final String host) {
            this.host = host;
        }

        @Override
        public void send(final InventoryFact fact) {
            try {
                pending.add(producer.send(new ProducerRecord<>(topic, host, fact)));
            } catch (KafkaException e) {
                LOG.debug("host {}: send failed: {}", host, e.toString());
                failed = true;
            }
        }

        /** Waits for this host's own facts only, so hosts sharing the producer do not wait for each other. */
        @Override
        public boolean flush() {
            boolean delivered = !failed;
            for (final Future<RecordMetadata> future : pending) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    LOG.debug("host {}: fact not acknowledged: {}", host, e.getCause().toString());
                    delivered = false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    delivered = false;
                    break;
                }
            }
            pending.clear();
            failed = false;
            return delivered;
        }
    }
}
