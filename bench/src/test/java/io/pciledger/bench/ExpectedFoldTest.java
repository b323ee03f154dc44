package io.pciledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.ledger.domain.GroupCount;
import io.pciledger.schemas.common.DevType;
import io.pciledger.schemas.common.Device;
import io.pciledger.schemas.inventory.AgentHeartbeat;
import io.pciledger.schemas.inventory.DeviceDiscovered;
import io.pciledger.schemas.inventory.DeviceVanished;
import io.pciledger.schemas.inventory.InventoryFact;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ExpectedFoldTest {

    @Test
    void countsTheEventsAndGroupsTheDomainFoldLeaves() {
        final ExpectedFold fold = ExpectedFold.of(List.of(
                fact("a", 1, new DeviceDiscovered(gpu("0000:af:00.0", "nvidia"))),
                fact("a", 2, new DeviceDiscovered(gpu("0000:b0:00.0", "nvidia"))),
                fact("b", 1, new DeviceDiscovered(gpu("0000:af:00.0", "nvidia"))),
                fact("a", 3, new AgentHeartbeat(2)),
                fact("a", 4, new DeviceDiscovered(gpu("0000:b0:00.0", "vfio-pci"))),
                fact("b", 2, new DeviceVanished("0000:af:00.0"))));

        // 3 added, 1 updated, 1 removed; a heartbeat is no event.
        assertThat(fold.ledgerEvents()).isEqualTo(5);
        assertThat(fold.groupCounts()).containsExactly(Map.entry("gpu-a100", new GroupCount(2, 2, 0, 0, 0)));
    }

    private static InventoryMix.KeyedFact fact(final String host, final int number, final Object payload) {
        return new InventoryMix.KeyedFact(host, new InventoryFact(host + "/" + number, host, Instant.EPOCH, null,
                payload), InventoryMix.Kind.DISCOVERED);
    }

    private static Device gpu(final String address, final String driver) {
        return Device.newBuilder().setAddress(address).setVendorId("10de").setProductId("20b5")
                .setClassCode("030200").setDevType(DevType.TYPE_PCI).setDriver(driver).setGroup("gpu-a100")
                .setTags(Map.of()).build();
    }
}
