package io.pciledger.ledger.domain;

import static io.pciledger.ledger.domain.Devices.pf;
import static io.pciledger.ledger.domain.Devices.vf;
import static io.pciledger.ledger.domain.Requests.claim;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PfVfExclusivityTest {

    private static final Device PF = pf("0000:3b:00.0", "net-pf", 0);
    private static final Device VF_0 = vf("0000:3b:02.0", PF.address(), "net", 0);
    private static final Device VF_1 = vf("0000:3b:02.1", PF.address(), "net", 0);

    private final TestHost host = TestHost.with(PF, VF_0, VF_1);

    @Test
    void aVfPickedInTheAllocationInProgressBlocksItsPf() {
        final PfVfExclusivity exclusivity = PfVfExclusivity.of(host.ledger());
        assertThat(exclusivity.isAvailable(PF.address())).isTrue();

        exclusivity.take(VF_0.address());

        assertThat(exclusivity.isBlocked(PF.address())).isTrue();
        assertThat(exclusivity.isAvailable(PF.address())).isFalse();
        assertThat(exclusivity.blockCost(VF_1.address())).as("its PF is already blocked").isZero();
    }

    @Test
    void aVfReportedUnderAnotherPfIsNoLongerBlockedByItsOldOne() {
        final Device otherPf = pf("0000:3c:00.0", "net-pf", 0);
        host.discover(otherPf);
        assertThat(host.availability(VF_1.address())).as("asked once, so the ledger keeps the PF/VF relation")
                .isEqualTo(Availability.AVAILABLE);

        host.discover(vf(VF_1.address(), otherPf.address(), "net", 0));
        host.granted(claim("c1", RequestItem.port(VnicType.DIRECT_PHYSICAL, "net-pf")));

        assertThat(host.ledger().device(PF.address()).orElseThrow().isHeld()).as("the lower address of two PFs"
                + " with one VF each").isTrue();
        assertThat(host.availability(VF_0.address())).isEqualTo(Availability.UNAVAILABLE);
        assertThat(host.availability(VF_1.address())).as("no longer a VF of the claimed PF").isEqualTo(
                Availability.AVAILABLE);
        assertThat(host.availability(otherPf.address())).isEqualTo(Availability.AVAILABLE);
    }

    @Test
    void aVfDiscoveredUnderAClaimedPfIsUnavailable() {
        host.granted(claim("c1", RequestItem.port(VnicType.DIRECT_PHYSICAL, "net-pf")));
        assertThat(host.availability(VF_0.address())).as("asked once, so the ledger keeps the PF/VF relation")
                .isEqualTo(Availability.UNAVAILABLE);

        final Device newVf = vf("0000:3b:02.2", PF.address(), "net", 0);
        host.discover(newVf);

        assertThat(host.availability(newVf.address())).isEqualTo(Availability.UNAVAILABLE);
        assertThat(host.rejected(claim("c2", RequestItem.port(VnicType.DIRECT, "net"))).reason())
                .isEqualTo(RejectReason.INSUFFICIENT_DEVICES);
    }

    @Test
    void vfClaimMakesParentPfUnavailable() {
        host.granted(claim("c1", RequestItem.port(VnicType.DIRECT, "net")));

        assertThat(host.availability(PF.address())).isEqualTo(Availability.UNAVAILABLE);
        assertThat(host.rejected(claim("c2", RequestItem.port(VnicType.DIRECT_PHYSICAL, "net-pf"))).reason())
                .isEqualTo(RejectReason.INSUFFICIENT_DEVICES);
    }

    @Test
    void pfClaimMakesAllItsVfsUnavailable() {
        host.granted(claim("c1", RequestItem.port(VnicType.DIRECT_PHYSICAL, "net-pf")));

        assertThat(host.availability(VF_0.address())).isEqualTo(Availability.UNAVAILABLE);
        assertThat(host.availability(VF_1.address())).isEqualTo(Availability.UNAVAILABLE);
        assertThat(host.rejected(claim("c2", RequestItem.port(VnicType.DIRECT, "net"))).reason())
                .isEqualTo(RejectReason.INSUFFICIENT_DEVICES);
    }

    @Test
    void releasingOneVfKeepsThePfUnavailableWhileASiblingIsHeld() {
        host.granted(claim("c1", RequestItem.port(VnicType.DIRECT, "net")));
        host.granted(claim("c2", RequestItem.port(VnicType.DIRECT, "net")));

        host.release("c1");

        assertThat(host.availability(PF.address())).isEqualTo(Availability.UNAVAILABLE);
    }

    @Test
    void releasingTheLastHeldVfRestoresThePf() {
        host.granted(claim("c1", RequestItem.port(VnicType.DIRECT, "net")));
        host.granted(claim("c2", RequestItem.port(VnicType.DIRECT, "net")));

        host.release("c1");
        host.release("c2");

        assertThat(host.availability(PF.address())).isEqualTo(Availability.AVAILABLE);
    }

    @Test
    void releasingThePfRestoresItsVfs() {
        host.granted(claim("c1", RequestItem.port(VnicType.DIRECT_PHYSICAL, "net-pf")));

        host.release("c1");

        assertThat(host.availability(VF_0.address())).isEqualTo(Availability.AVAILABLE);
    }

    @Test
    void lostVfKeepsItsPfUnavailableUntilItsClaimEnds() {
        host.granted(claim("c1", RequestItem.port(VnicType.DIRECT, "net")));
        host.vanish(VF_0.address());

        assertThat(host.availability(PF.address())).isEqualTo(Availability.UNAVAILABLE);

        host.release("c1");

        assertThat(host.availability(PF.address())).isEqualTo(Availability.AVAILABLE);
    }

    @Test
    void genericItemTakingBothAPfAndItsVfIsRefused() {
        final TestHost mixed = TestHost.with(PF.withGroup("nic"), VF_0.withGroup("nic"));

        assertThat(mixed.rejected(claim("c1", RequestItem.devices("nic", 2))).reason())
                .isEqualTo(RejectReason.INSUFFICIENT_DEVICES);
    }

    @Test
    void vfWhosePfIsNotAssignableIsNeverBlocked() {
        final TestHost vfsOnly = TestHost.with(VF_0, VF_1);
        vfsOnly.granted(claim("c1", RequestItem.port(VnicType.DIRECT, "net")));

        assertThat(vfsOnly.availability(VF_1.address())).isEqualTo(Availability.AVAILABLE);
    }
}
