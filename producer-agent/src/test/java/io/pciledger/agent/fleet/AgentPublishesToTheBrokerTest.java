package io.pciledger.agent.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.agent.device.PciAddress;
import io.pciledger.agent.node.HostAgent;
import io.pciledger.agent.node.ReloadingPciConfig;
import io.pciledger.agent.node.SysfsInventorySource;
import io.pciledger.agent.publish.KafkaInventoryPublisher;
import io.pciledger.agent.publish.NodeAgent;
import io.pciledger.agent.sysfs.FakeFunction;
import io.pciledger.agent.sysfs.FakeSysfsTree;
import io.pciledger.agent.sysfs.HardwareProfile;
import io.pciledger.agent.sysfs.PciModel;
import io.pciledger.agent.sysfs.SysfsScanner;
import io.pciledger.schemas.common.DevType;
import io.pciledger.schemas.inventory.AgentHeartbeat;
import io.pciledger.schemas.inventory.DeviceDiscovered;
import io.pciledger.schemas.inventory.DeviceVanished;
import io.pciledger.schemas.inventory.HostSnapshot;
import io.pciledger.schemas.inventory.InventoryFact;
import io.pciledger.schemas.inventory.SnapshotReason;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.TopicProvisioner;
import io.pciledger.schemas.topic.TopicSettings;
import io.pciledger.schemas.topic.Topics;
import io.pciledger.testkit.KafkaCluster;
import io.pciledger.testkit.KafkaTest;
import io.pciledger.testkit.TopicRecords;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A node agent on a generated host publishes a snapshot, then exactly the differences, through a real broker. */
@KafkaTest
class AgentPublishesToTheBrokerTest {

    private static final String HOST = "compute-042";

    @Test
    void snapshotThenOnlyTheRemovedAndAddedDevicesArriveDecoded(final KafkaCluster kafka, @TempDir final Path dir)
            throws Exception {
        final TopicNames names = TopicNames.withPrefix("agent-" + UUID.randomUUID().toString().substring(0, 8) + ".");
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            new TopicProvisioner(admin, names, TopicSettings.forReplicationFactor(1, 1)).ensureTopics();
        }
        final FakeSysfsTree tree = FakeSysfsTree.write(dir.resolve("sysfs"), HardwareProfile.TYPICAL_COMPUTE.hardwareOf(HOST));
        final ReloadingPciConfig config = ReloadingPciConfig.open(SimulatedFleet.writeDemoConfig(dir.resolve("pci-config.json")));
        final PciAddress removedVf = tree.hardware().functions().stream()
                .filter(function -> function.devType() == io.pciledger.agent.device.DevType.TYPE_VF)
                .findFirst().orElseThrow().address();
        final PciAddress addedNvme = new PciAddress(0, 0xf0, 0, 0);

        try (KafkaInventoryPublisher publisher = new KafkaInventoryPublisher(kafka.clientProperties(), names)) {
            final HostAgent agent = new HostAgent(new NodeAgent(HOST,
                    new SysfsInventorySource(new SysfsScanner(tree.root()), () -> config.inForce().deviceSpecs()),
                    publisher.sinkFor(HOST), 100, Clock.systemUTC(), "test"), config);

            assertThat(agent.rescan().delivered()).isTrue();
            tree.remove(removedVf);
            tree.add(FakeFunction.plain(addedNvme, PciModel.INTEL_NVME_P4510, 1));
            assertThat(agent.rescan().delivered()).isTrue();
        }

        final List<InventoryFact> facts = readFacts(kafka, names, 5);
        assertThat(facts).allSatisfy(fact -> assertThat(fact.getHost()).isEqualTo(HOST));
        assertThat(facts.get(0).getPayload()).isInstanceOfSatisfying(HostSnapshot.class, snapshot -> {
            assertThat(snapshot.getReason()).isEqualTo(SnapshotReason.STARTUP);
            assertThat(snapshot.getDevices()).extracting(device -> device.getAddress()).contains(removedVf.toString());
            assertThat(snapshot.getDevices()).filteredOn(device -> device.getDevType() == DevType.TYPE_VF)
                    .allSatisfy(device -> assertThat(device.getGroup()).startsWith("physnet"));
        });
        assertThat(facts.get(1).getPayload()).isInstanceOf(AgentHeartbeat.class);
        assertThat(facts.get(2).getPayload()).isInstanceOfSatisfying(DeviceDiscovered.class, discovered -> {
            assertThat(discovered.getDevice().getAddress()).isEqualTo(addedNvme.toString());
            assertThat(discovered.getDevice().getGroup()).isEqualTo("nvme");
            assertThat(discovered.getDevice().getNumaNode()).isEqualTo(1);
        });
        assertThat(facts.get(3).getPayload()).isEqualTo(new DeviceVanished(removedVf.toString()));
        assertThat(facts.get(4).getPayload()).isInstanceOf(AgentHeartbeat.class);
    }

    private static List<InventoryFact> readFacts(final KafkaCluster kafka, final TopicNames names, final int count) {
        return TopicRecords.read(kafka.clientProperties(), names.of(Topics.INVENTORY),
                        Topics.INVENTORY.valueSerde().deserializer(), count, Duration.ofSeconds(30))
                .stream().map(ConsumerRecord::value).toList();
    }
}
