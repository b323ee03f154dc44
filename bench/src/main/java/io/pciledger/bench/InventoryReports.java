package io.pciledger.bench;

import io.pciledger.ledger.avro.InventoryFacts;
import io.pciledger.ledger.domain.InventoryFact;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.Topics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Seeds hosts as their agents would: one full snapshot of each {@link TypicalHost} to {@code pci.inventory}, every
 * one acknowledged ({@code acks=all}). The ledger then folds them into its state, {@code pci.host-pools} and
 * {@code pci.group-counts}.
 */
final class InventoryReports {

    private InventoryReports() {
    }

    /** Reports hosts {@code 0 .. hosts-1} and waits until the broker has acknowledged every snapshot. */
    static void reportTypicalHosts(final Map<String, Object> clientProperties, final TopicNames names,
            final int hosts) throws Exception {
        final Map<String, Object> producerSettings = new HashMap<>(clientProperties);
        producerSettings.put(ProducerConfig.ACKS_CONFIG, "all");
        producerSettings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (KafkaProducer<String, io.pciledger.schemas.inventory.InventoryFact> agents = new KafkaProducer<>(
                producerSettings, new StringSerializer(), Topics.INVENTORY.valueSerde().serializer())) {
            final List<Future<RecordMetadata>> sent = new ArrayList<>(hosts);
            for (int index = 0; index < hosts; index++) {
                final String host = TypicalHost.name(index);
                sent.add(agents.send(new ProducerRecord<>(names.of(Topics.INVENTORY), host, InventoryFacts.toAvro(
                        UUID.randomUUID().toString(), host, Instant.now(),
                        new InventoryFact.HostSnapshot(TypicalHost.devices(index))))));
            }
            for (final Future<RecordMetadata> acknowledged : sent) {
                acknowledged.get();
            }
        }
    }
}
