package io.pciledger.agent.publish;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.schemas.common.DevType;
import io.pciledger.schemas.common.Device;
import io.pciledger.schemas.inventory.AgentHeartbeat;
import io.pciledger.schemas.inventory.DeviceDiscovered;
import io.pciledger.schemas.inventory.DeviceVanished;
import io.pciledger.schemas.inventory.HostSnapshot;
import io.pciledger.schemas.inventory.InventoryFact;
import io.pciledger.schemas.inventory.SnapshotReason;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodeAgentTest {

    private final RecordingSink sink = new RecordingSink();
    private final List<Device> devices = new ArrayList<>(List.of(gpu("0000:af:00.0", "gpu"), gpu("0000:b0:00.0", "gpu")));
    private final NodeAgent agent = new NodeAgent("compute-1", () -> ScannedInventory.of(devices), sink, 3,
            Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC), "test");

    @Test
    void firstRescanSendsAStartupSnapshotAndAHeartbeat() {
        agent.rescan();

        assertThat(payloads()).hasSize(2);
        assertThat(payloads().get(0)).isInstanceOfSatisfying(HostSnapshot.class, snapshot -> {
            assertThat(snapshot.getReason()).isEqualTo(SnapshotReason.STARTUP);
            assertThat(snapshot.getDevices()).extracting(Device::getAddress).containsExactly("0000:af:00.0", "0000:b0:00.0");
        });
        assertThat(payloads().get(1)).isEqualTo(new AgentHeartbeat(2));
        assertThat(sink.facts).allSatisfy(fact -> assertThat(fact.getHost()).isEqualTo("compute-1"));
    }

    @Test
    void laterRescansSendOnlyTheDifferences() {
        agent.rescan();
        sink.facts.clear();
        devices.remove(0);
        devices.add(gpu("0000:b1:00.0", "gpu"));

        final NodeAgent.Outcome outcome = agent.rescan();

        assertThat(outcome.snapshot()).isFalse();
        assertThat(payloads()).containsExactly(
                new DeviceDiscovered(gpu("0000:b1:00.0", "gpu")),
                new DeviceVanished("0000:af:00.0"),
                new AgentHeartbeat(2));
    }

    @Test
    void aDeviceWhoseGroupChangedIsDiscoveredAgain() {
        agent.rescan();
        sink.facts.clear();
        devices.set(1, gpu("0000:b0:00.0", "gpu-training"));

        agent.rescan();

        assertThat(payloads()).containsExactly(new DeviceDiscovered(gpu("0000:b0:00.0", "gpu-training")), new AgentHeartbeat(2));
    }

    @Test
    void unchangedHostSendsOnlyAHeartbeat() {
        agent.rescan();
        sink.facts.clear();

        agent.rescan();

        assertThat(payloads()).containsExactly(new AgentHeartbeat(2));
    }

    @Test
    void everyNthRescanIsAPeriodicSnapshot() {
        agent.rescan();
        agent.rescan();
        sink.facts.clear();

        final NodeAgent.Outcome third = agent.rescan();

        assertThat(third.snapshot()).isTrue();
        assertThat(payloads().get(0)).isInstanceOfSatisfying(HostSnapshot.class,
                snapshot -> assertThat(snapshot.getReason()).isEqualTo(SnapshotReason.PERIODIC));
    }

    @Test
    void rescanAfterUnacknowledgedFactsResyncsWithASnapshot() {
        agent.rescan();
        sink.acknowledge = false;
        devices.remove(0);
        agent.rescan();
        sink.acknowledge = true;
        sink.facts.clear();

        final NodeAgent.Outcome outcome = agent.rescan();

        assertThat(outcome.snapshot()).isTrue();
        assertThat(payloads().get(0)).isInstanceOfSatisfying(HostSnapshot.class, snapshot -> {
            assertThat(snapshot.getReason()).isEqualTo(SnapshotReason.RECONNECT);
            assertThat(snapshot.getDevices()).extracting(Device::getAddress).containsExactly("0000:b0:00.0");
        });
    }

    @Test
    void failedScanKeepsTheLastInventoryAndStillSendsAHeartbeat() {
        agent.rescan();
        sink.facts.clear();
        final NodeAgent broken = new NodeAgent("compute-2", () -> {
            throw new IllegalStateException("sysfs unreadable");
        }, sink, 3, Clock.systemUTC(), "test");

        final NodeAgent.Outcome outcome = broken.rescan();

        assertThat(outcome.scanned()).isFalse();
        assertThat(payloads()).containsExactly(new AgentHeartbeat(0));
    }

    @Test
    void unreadableDeviceProducesNoRemovalInADiff() {
        final List<Device> scanned = new ArrayList<>(devices);
        final Set<String> unreadable = new HashSet<>();
        final NodeAgent flaky = new NodeAgent("compute-1", () -> new ScannedInventory(scanned, unreadable), sink, 100,
                Clock.systemUTC(), "test");
        flaky.rescan();
        sink.facts.clear();
        unreadable.add(scanned.remove(0).getAddress());

        flaky.rescan();

        assertThat(payloads()).containsExactly(new AgentHeartbeat(2));
    }

    @Test
    void requestedSnapshotCarriesItsReason() {
        agent.rescan();
        sink.facts.clear();
        agent.requestSnapshot(SnapshotReason.SPEC_CHANGED);

        agent.rescan();

        assertThat(payloads().get(0)).isInstanceOfSatisfying(HostSnapshot.class,
                snapshot -> assertThat(snapshot.getReason()).isEqualTo(SnapshotReason.SPEC_CHANGED));
    }

    private List<Object> payloads() {
        return sink.facts.stream().map(InventoryFact::getPayload).toList();
    }

    static Device gpu(final String address, final String group) {
        return Device.newBuilder().setAddress(address).setVendorId("10de").setProductId("20b5")
                .setClassCode("030200").setDevType(DevType.TYPE_PCI).setGroup(group).build();
    }

    private static final class RecordingSink implements FactSink {
        final List<InventoryFact> facts = new ArrayList<>();
        boolean acknowledge = true;

        @Override
        public void send(final InventoryFact fact) {
            facts.add(fact);
        }

        @Override
        public boolean flush() {
            return acknowledge;
        }
    }
}
