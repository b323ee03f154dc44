package io.pciledger.ledger.domain;

import static io.pciledger.ledger.domain.Devices.pci;
import static io.pciledger.ledger.domain.Devices.pf;
import static io.pciledger.ledger.domain.Devices.vf;
import static io.pciledger.ledger.domain.Requests.claim;
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
        final TestHost host = TestHost.with(pf("0000:3b:00.0", "net-pf", 0),
                vf("0000:3b:02.0", "0000:3b:00.0", "net", 0), vf("0000:3b:02.1", "0000:3b:00.0", "net", 0),
                vf("0000:3b:02.2", "0000:3b:00.0", "net", 0));
        host.granted(claim("c1", RequestItem.port(VnicType.DIRECT, "net")));
        host.granted(claim("c2", RequestItem.port(VnicType.DIRECT, "net")));
        host.vanish("0000:3b:02.1");

        assertThat(host.pools().pools()).containsExactly(
                new Pool("net", DevType.TYPE_VF, 0, 3, 1),
                new Pool("net-pf", DevType.TYPE_PF, 0, 1, 0));
    }

    @Test
    void freeByGroupSumsThePoolsOfAGroup() {
        final TestHost host = TestHost.with(pci("0000:af:00.0", "gpu", 0), pci("0000:b0:00.0", "gpu", 1));

        assertThat(host.pools().freeByGroup()).containsExactly(Map.entry("gpu", 2));
    }
}
