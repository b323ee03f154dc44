package io.pciledger.agent.node;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.agent.publish.FactSink;
import io.pciledger.agent.publish.NodeAgent;
import io.pciledger.agent.publish.ScannedInventory;
import io.pciledger.schemas.inventory.HostSnapshot;
import io.pciledger.schemas.inventory.InventoryFact;
import io.pciledger.schemas.inventory.SnapshotReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostAgentTest {

    @Test
    void firstRescanUnderAChangedConfigIsASpecChangedSnapshot(@TempDir final Path dir) throws IOException {
        final Path file = dir.resolve("pci-config.json");
        Files.writeString(file, "{\"device_spec\": [{\"vendor_id\": \"10de\"}]}");
        final ReloadingPciConfig config = ReloadingPciConfig.open(file);
        final List<InventoryFact> facts = new ArrayList<>();
        final FactSink sink = new FactSink() {
            @Override
            public void send(final InventoryFact fact) {
                facts.add(fact);
            }

            @Override
            public boolean flush() {
                return true;
            }
        };
        final HostAgent agent = new HostAgent(
                new NodeAgent("compute-1", () -> ScannedInventory.of(List.of()), sink, 100, Clock.systemUTC(), "test"),
                config);
        agent.rescan();
        facts.clear();

        Files.writeString(file, "{\"device_spec\": [{\"vendor_id\": \"8086\"}]}");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
        agent.rescan();

        assertThat(facts.get(0).getPayload()).isInstanceOfSatisfying(HostSnapshot.class,
                snapshot -> assertThat(snapshot.getReason()).isEqualTo(SnapshotReason.SPEC_CHANGED));
    }
}
