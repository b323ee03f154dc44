package io.pciledger.ledger.domain;

import static io.pciledger.ledger.domain.Devices.pci;
import static io.pciledger.ledger.domain.Devices.pf;
import static io.pciledger.ledger.domain.Devices.vf;
import static io.pciledger.ledger.domain.Requests.claim;
import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.ledger.domain.CommandOutcome.Rejected;
import org.junit.jupiter.api.Test;

class LiveMigrationRuleTest {

    private final TestHost host = TestHost.with(
            pf("0000:3b:00.0", "net-pf", 0),
            vf("0000:5e:02.0", "0000:5e:00.0", "net", 0),
            vf("0000:5e:02.1", "0000:5e:00.0", "net", 0),
            vf("0000:5e:02.2", "0000:5e:00.0", "net", 0),
            pci("0000:af:00.0", "gpu", 0));

    @Test
    void directPortBlocksLiveMigration() {
        assertThat(host.granted(claim("c1", RequestItem.port(VnicType.DIRECT, "net"))).liveMigratable()).isFalse();
    }

    @Test
    void directPhysicalPortBlocksLiveMigration() {
        assertThat(host.granted(claim("c1", RequestItem.port(VnicType.DIRECT_PHYSICAL, "net-pf"))).liveMigratable())
                .isFalse();
    }

    @Test
    void macvtapAndVirtioForwarderPortsKeepTheInstanceLiveMigratable() {
        assertThat(host.granted(claim("c1", RequestItem.port(VnicType.MACVTAP, "net"),
                RequestItem.port(VnicType.VIRTIO_FORWARDER, "net"))).liveMigratable()).isTrue();
    }

    @Test
    void genericPassthroughBlocksLiveMigration() {
        assertThat(host.granted(claim("c1", RequestItem.devices("gpu", 1))).liveMigratable()).isFalse();
    }

    @Test
    void vdpaPortIsNotPromisedLiveMigration() {
        assertThat(host.granted(claim("c1", RequestItem.port(VnicType.VDPA, "net"))).liveMigratable()).isFalse();
    }

    @Test
    void directWithMacvtapIsRejectedAsANonMigratableMix() {
        final Rejected rejected = host.rejected(claim("c1", RequestItem.port(VnicType.DIRECT, "net"),
                RequestItem.port(VnicType.MACVTAP, "net")));

        assertThat(rejected.reason()).isEqualTo(RejectReason.NON_MIGRATABLE_MIX);
        assertThat(rejected.message()).contains("direct", "macvtap", "allow_non_migratable");
    }

    @Test
    void directPhysicalWithMacvtapIsRejectedAsANonMigratableMix() {
        assertThat(host.rejected(claim("c1", RequestItem.port(VnicType.DIRECT_PHYSICAL, "net-pf"),
                RequestItem.port(VnicType.MACVTAP, "net"))).reason()).isEqualTo(RejectReason.NON_MIGRATABLE_MIX);
    }

    @Test
    void mixIsGrantedAsNotMigratableWhenTheRequestAllowsIt() {
        final ClaimRequest mix = claim("c1", RequestItem.port(VnicType.DIRECT, "net"),
                RequestItem.port(VnicType.MACVTAP, "net")).allowingNonMigratable(true);

        assertThat(host.granted(mix).liveMigratable()).isFalse();
    }

    @Test
    void normalPortCombinesWithAnything() {
        assertThat(host.granted(claim("c1", RequestItem.normalPort(), RequestItem.port(VnicType.DIRECT, "net")))
                .liveMigratable()).isFalse();
        assertThat(host.granted(claim("c2", RequestItem.normalPort(), RequestItem.port(VnicType.MACVTAP, "net")))
                .liveMigratable()).isTrue();
    }

    @Test
    void normalPortTakesNoDevice() {
        assertThat(host.granted(claim("c1", RequestItem.normalPort())).devices()).isEmpty();
    }
}
