package io.pciledger.agent.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pciledger.agent.publish.KafkaInventoryPublisher;
import io.pciledger.agent.publish.NodeAgent;
import io.pciledger.agent.publish.ScannedInventory;
import io.pciledger.schemas.common.DevType;
import io.pciledger.schemas.common.Device;
import io.pciledger.schemas.inventory.AgentHeartbeat;
import io.pciledger.schemas.inventory.HostSnapshot;
import io.pciledger.schemas.inventory.InventoryFact;
import io.pciledger.schemas.inventory.SnapshotReason;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.TopicProvisioner;
import io.pciledger.schemas.topic.TopicSettings;
import io.pciledger.schemas.topic.Topics;
import io.pciledger.testkit.KafkaCluster;
import io.pciledger.testkit.KafkaTest;
import io.pciledger.testkit.NodeControl;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

/** The agent keeps running while its broker is down, and heals with a full snapshot when it is back. */
@KafkaTest(isolated = true)
class AgentSurvivesABrokerOutageTest {

    @Test
    void factsLostDuringAnOutageAreHealedByAReconnectSnapshot(final KafkaCluster kafka) {
        final TopicNames names = TopicNames.DEFAULT;
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            new TopicProvisioner(admin, names, TopicSettings.forReplicationFactor(1, 1)).ensureTopics();
        }
        assumeTrue(kafka.nodeControl().isPresent(), "stopping a broker needs the embedded backend");
        final NodeControl broker = kafka.nodeControl().orElseThrow();
        final List<Device> devices = new ArrayList<>(List.of(gpu("0000:af:00.0")));
        final Map<String, Object> quickTimeouts = kafka.clientProperties();
        quickTimeouts.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 6_000);
        quickTimeouts.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 2_000);
        quickTimeouts.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);

        try (KafkaInventoryPublisher publisher = new KafkaInventoryPublisher(quickTimeouts, names)) {
            final NodeAgent agent = new NodeAgent("compute-7", () -> ScannedInventory.of(devices),
                    publisher.sinkFor("compute-7"), 100, Clock.systemUTC(), "test");
            assertThat(agent.rescan().delivered()).isTrue();

            broker.stopNode(0);
            devices.add(gpu("0000:b0:00.0"));
            final NodeAgent.Outcome duringOutage = agent.rescan();
            assertThat(duringOutage.scanned()).isTrue();
            assertThat(duringOutage.delivered()).isFalse();

            broker.startNode(0);
            await().atMost(Duration.ofSeconds(90)).until(() -> agent.rescan().delivered());
        }

        final List<InventoryFact> facts = readAll(kafka, names);
        final InventoryFact lastSnapshot = facts.stream()
                .filter(fact -> fact.getPayload() instanceof HostSnapshot)
                .reduce((first, second) -> second).orElseThrow();
        assertThat(((HostSnapshot) lastSnapshot.getPayload()).getReason()).isEqualTo(SnapshotReason.RECONNECT);
        assertThat(((HostSnapshot) lastSnapshot.getPayload()).getDevices())
                .extracting(Device::getAddress).containsExactly("0000:af:00.0", "0000:b0:00.0");
        assertThat(facts.get(facts.size() - 1).getPayload()).isInstanceOf(AgentHeartbeat.class);
    }

    private static List<InventoryFact> readAll(final KafkaCluster kafka, final TopicNames names) {
        final Map<String, Object> config = kafka.clientProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "outage-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        final List<InventoryFact> facts = new ArrayList<>();
        try (KafkaConsumer<String, InventoryFact> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                Topics.INVENTORY.valueSerde().deserializer())) {
            consumer.subscribe(List.of(names.of(Topics.INVENTORY)));
            final long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            int emptyPolls = 0;
            while (System.nanoTime() < deadline && (facts.isEmpty() || emptyPolls < 5)) {
                final int before = facts.size();
                consumer.poll(Duration.ofMillis(300)).forEach(record -> facts.add(record.value()));
                emptyPolls = facts.size() == before ? emptyPolls + 1 : 0;
            }
        }
        return facts;
    }

    private static Device gpu(final String address) {
        return Device.newBuilder().setAddress(address).setVendorId("10de").setProductId("20b5")
                .setClassCode("030200").setDevType(DevType.TYPE_PCI).setGroup("gpu-a100").build();
    }
}
