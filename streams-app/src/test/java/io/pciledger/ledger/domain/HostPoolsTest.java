package io.pciledger.ledger.domain;

import static io.pciledger.ledger.domain.Devices.pci;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HostPoolsTest {

    @Test
    void poolsAreByGroupDeviceTypeAndNumaNode() {
        final TestHost host = TestHost.with(pci("0000:af:00.0", "gpu", 0), pci("0000:b0:00.0", "gpu", 1),
                pci("0000:d8:00.0", "gpu", 1), pci("0000:5e:00.0", "nvme", null));

        assertThat(host.pools().pools()).containsExactly(
                new Pool("gpu", DevType.TYPE_PCI, 0, 1, 1),
                new Pool("gpu", DevType.TYPE_PCI, 1, 2, 2),
                new Pool("nvme", DevType.TYPE_PCI, null, 1, 1));
    }

    @Test
    void freeLeavesOutClaimedBlockedAndLostDevices() {
        final TestHost host = TestHost.pfWithVfsClaimedAndLost();

        assertThat(host.pools().pools()).containsExactly(
                new Pool("net", DevType.TYPE_PF, 0, 1, 0),
                new Pool("net", DevType.TYPE_VF, 0, 3, 1));
    }

    @Test
    void freeByGroupSumsThePoolsOfAGroup() {
        final TestHost host = TestHost.with(pci("0000:af:00.0", "gpu", 0), pci("0000:b0:00.0", "gpu", 1));

        assertThat(host.pools().freeByGroup()).containsExactly(Map.entry("gpu", 2));
    }
}
