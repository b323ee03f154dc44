package io.pciledger.ledger.domain;

import static io.pciledger.ledger.domain.Devices.pci;
import static io.pciledger.ledger.domain.Devices.pf;
import static io.pciledger.ledger.domain.Devices.vf;
import static io.pciledger.ledger.domain.Requests.claim;
import static io.pciledger.ledger.domain.TestHost.events;
import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.ledger.domain.LedgerEvent.DeviceAdded;
import io.pciledger.ledger.domain.LedgerEvent.DeviceLost;
import io.pciledger.ledger.domain.LedgerEvent.DeviceRemoved;
import io.pciledger.ledger.domain.LedgerEvent.DeviceUpdated;
import org.junit.jupiter.api.Test;

class InventoryRulesTest {

    private static final Device GPU = pci("0000:af:00.0", "gpu", 1);

    @Test
    void firstFactOfAnUnknownHostCreatesItsLedger() {
        final TestHost host = new TestHost();

        final var records = host.discover(GPU);

        assertThat(events(records)).containsExactly(new DeviceAdded(GPU));
        assertThat(records.get(0).seq()).isEqualTo(1);
        assertThat(records.get(0).host()).isEqualTo(TestHost.NAME);
        assertThat(host.device(GPU.address()).status()).isEqualTo(DeviceStatus.FREE);
    }

    @Test
    void sameDiscoveryTwiceRecordsNothing() {
        final TestHost host = TestHost.with(GPU);

        assertThat(host.discover(GPU)).isEmpty();
    }

    @Test
    void changedAttributesAreRecordedAsAnUpdateWithThePreviousDevice() {
        final TestHost host = TestHost.with(GPU);
        final Device moved = GPU.withNumaNode(0);

        assertThat(events(host.discover(moved))).containsExactly(new DeviceUpdated(moved, GPU));
        assertThat(host.device(GPU.address()).device()).isEqualTo(moved);
    }

    @Test
    void freeDeviceWhoseGroupChangesMovesToTheNewGroup() {
        final TestHost host = TestHost.with(GPU, pci("0000:b0:00.0", "gpu", 1));

        host.discover(GPU.withGroup("gpu-training"));

        assertThat(host.counts().of("gpu").total()).isEqualTo(1);
        assertThat(host.counts().of("gpu-training").available()).isEqualTo(1);
    }

    @Test
    void claimedDeviceKeepsItsClaimWhenItsGroupChanges() {
        final TestHost host = TestHost.with(GPU);
        host.granted(claim("c1", RequestItem.devices("gpu", 1)));

        host.discover(GPU.withGroup("gpu-training"));

        assertThat(host.device(GPU.address()).holder()).isEqualTo("c1");
        assertThat(host.counts().of("gpu-training").claimed()).isEqualTo(1);
        assertThat(host.counts().of("gpu").total()).isZero();
    }

    @Test
    void vanishedFreeDeviceIsRemoved() {
        final TestHost host = TestHost.with(GPU);

        assertThat(events(host.vanish(GPU.address()))).containsExactly(new DeviceRemoved(GPU.address(), "gpu"));
        assertThat(host.ledger().device(GPU.address())).isEmpty();
    }

    @Test
    void vanishedClaimedDeviceIsLostAndFlagsItsClaim() {
        final TestHost host = TestHost.with(GPU);
        host.granted(claim("c1", RequestItem.devices("gpu", 1)));

        assertThat(events(host.vanish(GPU.address())))
                .containsExactly(new DeviceLost(GPU.address(), "gpu", "c1"));
        assertThat(host.device(GPU.address()).status()).isEqualTo(DeviceStatus.LOST);
        assertThat(host.ledger().claim("c1").orElseThrow().lostAddresses()).containsExactly(GPU.address());
        assertThat(host.counts().of("gpu").lost()).isEqualTo(1);
    }

    @Test
    void lostDeviceIsNotOfferedToAnotherClaim() {
        final TestHost host = TestHost.with(GPU);
        host.granted(claim("c1", RequestItem.devices("gpu", 1)));
        host.vanish(GPU.address());

        assertThat(host.rejected(claim("c2", RequestItem.devices("gpu", 1))).reason())
                .isEqualTo(RejectReason.INSUFFICIENT_DEVICES);
    }

    @Test
    void lostDeviceThatComesBackRejoinsItsClaim() {
        final TestHost host = TestHost.with(GPU);
        host.granted(claim("c1", RequestItem.devices("gpu", 1)));
        host.vanish(GPU.address());

        assertThat(events(host.discover(GPU))).containsExactly(new DeviceAdded(GPU));
        assertThat(host.device(GPU.address()).status()).isEqualTo(DeviceStatus.CLAIMED);
        assertThat(host.device(GPU.address()).holder()).isEqualTo("c1");
        assertThat(host.ledger().claim("c1").orElseThrow().hasLostDevices()).isFalse();
    }

    @Test
    void vanishingAnUnknownOrAlreadyLostDeviceRecordsNothing() {
        final TestHost host = TestHost.with(GPU);
        host.granted(claim("c1", RequestItem.devices("gpu", 1)));
        host.vanish(GPU.address());

        assertThat(host.vanish(GPU.address())).isEmpty();
        assertThat(host.vanish("0000:00:00.0")).isEmpty();
    }

    @Test
    void snapshotRecordsOnlyTheDifference() {
        final Device pf = pf("0000:3b:00.0", "net", 0);
        final Device claimed = vf("0000:3b:02.0", pf.address(), "net", 0);
        final Device kept = vf("0000:3b:02.1", pf.address(), "net", 0);
        final Device gone = vf("0000:3b:02.2", pf.address(), "net", 0);
        final Device added = vf("0000:3b:02.3", pf.address(), "net", 0);
        final TestHost host = TestHost.with(pf, claimed, kept, gone);
        host.granted(claim("c1", RequestItem.port(VnicType.DIRECT, "net")));
        final Device changedPf = pf.withNumaNode(1);

        final var records = host.snapshot(changedPf, kept, added);

        assertThat(events(records)).containsExactly(
                new DeviceLost(claimed.address(), "net", "c1"),
                new DeviceRemoved(gone.address(), "net"),
                new DeviceUpdated(changedPf, pf),
                new DeviceAdded(added));
    }

    @Test
    void heartbeatRecordsNothing() {
        final TestHost host = TestHost.with(GPU);

        assertThat(host.heartbeat()).isEmpty();
    }
}
