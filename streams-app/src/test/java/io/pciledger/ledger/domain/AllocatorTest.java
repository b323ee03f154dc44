package io.pciledger.ledger.domain;

import static io.pciledger.ledger.domain.Devices.pci;
import static io.pciledger.ledger.domain.Devices.pf;
import static io.pciledger.ledger.domain.Devices.vf;
import static io.pciledger.ledger.domain.Requests.claim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Test;

class AllocatorTest {

    private static List<String> addresses(final CommandOutcome.Granted granted) {
        return granted.devices().stream().map(ClaimedDevice::address).toList();
    }

    @Test
    void vfOfAPartlyUsedPfIsTakenBeforeALowerAddressedVfOfAWholePf() {
        final TestHost host = TestHost.with(
                pf("0000:3b:00.0", "net-pf", 0),
                vf("0000:3b:02.0", "0000:3b:00.0", "net", 0), vf("0000:3b:02.1", "0000:3b:00.0", "net", 0),
                pf("0000:d8:00.0", "net-pf", 1),
                vf("0000:d8:02.0", "0000:d8:00.0", "net", 1), vf("0000:d8:02.1", "0000:d8:00.0", "net", 1));
        host.granted(claim("c1", RequestItem.port(VnicType.DIRECT, "net").onNumaNode(1, NumaPolicy.REQUIRED)));

        final CommandOutcome.Granted granted = host.granted(claim("c2", RequestItem.port(VnicType.DIRECT, "net")));

        assertThat(addresses(granted)).containsExactly("0000:d8:02.1");
        assertThat(host.availability("0000:3b:00.0")).isEqualTo(Availability.AVAILABLE);
    }

    @Test
    void directPortLeavesAWholePfFreeWhenAnotherPfIsAlreadyInUse() {
        final TestHost host = TestHost.with(
                pf("0000:3b:00.0", "net-pf", 0),
                vf("0000:3b:02.0", "0000:3b:00.0", "net", 0), vf("0000:3b:02.1", "0000:3b:00.0", "net", 0),
                pf("0000:3b:00.1", "net-pf", 0),
                vf("0000:3b:0a.0", "0000:3b:00.1", "net", 0), vf("0000:3b:0a.1", "0000:3b:00.1", "net", 0));
        host.granted(claim("c1", RequestItem.port(VnicType.DIRECT, "net")));

        final CommandOutcome.Granted second = host.granted(claim("c2", RequestItem.port(VnicType.DIRECT, "net")));

        assertThat(addresses(second)).containsExactly("0000:3b:02.1");
        assertThat(host.granted(claim("c3", RequestItem.port(VnicType.DIRECT_PHYSICAL, "net-pf"))).devices())
                .extracting(ClaimedDevice::address).containsExactly("0000:3b:00.1");
    }

    @Test
    void directPhysicalTakesThePfThatBlocksTheFewestFreeVfs() {
        final TestHost host = TestHost.with(
                pf("0000:3b:00.0", "net-pf", 0), vf("0000:3b:02.0", "0000:3b:00.0", "net", 0),
                pf("0000:3b:00.1", "net-pf", 0));

        final CommandOutcome.Granted granted = host.granted(claim("c1",
                RequestItem.port(VnicType.DIRECT_PHYSICAL, "net-pf"), RequestItem.port(VnicType.DIRECT, "net")));

        assertThat(granted.devices()).extracting(ClaimedDevice::address, ClaimedDevice::itemIndex)
                .containsExactly(tuple("0000:3b:00.1", 0), tuple("0000:3b:02.0", 1));
    }

    @Test
    void theSecondVfOfOneItemGoesToThePfTheFirstAlreadyBlocked() {
        final TestHost host = TestHost.with(pf("0000:3b:00.0", "net-pf", 0), pf("0000:3b:00.1", "net-pf", 0),
                vf("0000:3b:02.0", "0000:3b:00.0", "net", 0), vf("0000:3b:02.1", "0000:3b:00.1", "net", 0),
                vf("0000:3b:02.2", "0000:3b:00.0", "net", 0));

        assertThat(addresses(host.granted(claim("c1", RequestItem.devices("net", 2)))))
                .containsExactly("0000:3b:02.0", "0000:3b:02.2");
        assertThat(host.availability("0000:3b:00.1")).isEqualTo(Availability.AVAILABLE);
    }

    @Test
    void equalCandidatesAreTakenInAddressOrder() {
        final TestHost host = TestHost.with(pci("0000:b0:00.0", "gpu", 0), pci("0000:af:00.0", "gpu", 0),
                pci("0000:d8:00.0", "gpu", 0));

        assertThat(addresses(host.granted(claim("c1", RequestItem.devices("gpu", 2)))))
                .containsExactly("0000:af:00.0", "0000:b0:00.0");
    }

    @Test
    void portsTakeOnlyDevicesOfTheirType() {
        final TestHost host = TestHost.with(pf("0000:3b:00.0", "net", 0), vf("0000:3b:02.0", "0000:3b:00.0", "net", 0));

        assertThat(addresses(host.granted(claim("c1", RequestItem.port(VnicType.MACVTAP, "net")))))
                .containsExactly("0000:3b:02.0");
    }

    @Test
    void devicesReportTheItemTheySatisfyAndItsVnicType() {
        final TestHost host = TestHost.with(vf("0000:3b:02.0", "0000:3b:00.0", "net", 0), pci("0000:af:00.0", "gpu", 1));

        final CommandOutcome.Granted granted = host.granted(claim("c1", RequestItem.normalPort(),
                RequestItem.devices("gpu", 1), RequestItem.port(VnicType.DIRECT, "net")));

        assertThat(granted.devices()).containsExactly(
                new ClaimedDevice("0000:af:00.0", "gpu", DevType.TYPE_PCI, null, 1, null, 1),
                new ClaimedDevice("0000:3b:02.0", "net", DevType.TYPE_VF, VnicType.DIRECT, 0, "0000:3b:00.0", 2));
    }

    @Test
    void requiredNumaTakesOnlyDevicesOnTheNode() {
        final TestHost host = TestHost.with(pci("0000:af:00.0", "gpu", 0), pci("0000:d8:00.0", "gpu", 1));

        assertThat(addresses(host.granted(claim("c1",
                RequestItem.devices("gpu", 1).onNumaNode(1, NumaPolicy.REQUIRED))))).containsExactly("0000:d8:00.0");
    }

    @Test
    void requiredNumaRefusesDevicesWithoutNumaInformation() {
        final TestHost host = TestHost.with(pci("0000:af:00.0", "gpu", null));

        assertThat(host.rejected(claim("c1", RequestItem.devices("gpu", 1).onNumaNode(0, NumaPolicy.REQUIRED)))
                .message()).isEqualTo("1 device of group gpu on NUMA node 0 requested, 0 free on compute-1");
    }

    @Test
    void preferredNumaTakesTheNodeWhenItCan() {
        final TestHost host = TestHost.with(pci("0000:af:00.0", "gpu", 0), pci("0000:d8:00.0", "gpu", 1));

        assertThat(addresses(host.granted(claim("c1",
                RequestItem.devices("gpu", 1).onNumaNode(1, NumaPolicy.PREFERRED))))).containsExactly("0000:d8:00.0");
    }

    @Test
    void preferredNumaTakesADeviceWithoutNumaInformationBeforeOneOnAnotherNode() {
        final TestHost host = TestHost.with(pci("0000:af:00.0", "gpu", 0), pci("0000:d8:00.0", "gpu", null));

        assertThat(addresses(host.granted(claim("c1",
                RequestItem.devices("gpu", 1).onNumaNode(1, NumaPolicy.PREFERRED))))).containsExactly("0000:d8:00.0");
    }

    @Test
    void preferredNumaTakesAnotherNodeWhenNothingBetterIsFree() {
        final TestHost host = TestHost.with(pci("0000:af:00.0", "gpu", 0));

        assertThat(addresses(host.granted(claim("c1",
                RequestItem.devices("gpu", 1).onNumaNode(1, NumaPolicy.PREFERRED))))).containsExactly("0000:af:00.0");
    }

    @Test
    void legacyNumaAcceptsDevicesWithoutNumaInformation() {
        final TestHost host = TestHost.with(pci("0000:af:00.0", "gpu", null));

        assertThat(addresses(host.granted(claim("c1",
                RequestItem.devices("gpu", 1).onNumaNode(0, NumaPolicy.LEGACY))))).containsExactly("0000:af:00.0");
    }

    @Test
    void legacyNumaRefusesDevicesOnAnotherNode() {
        final TestHost host = TestHost.with(pci("0000:af:00.0", "gpu", 1), pci("0000:d8:00.0", "gpu", null));

        assertThat(host.rejected(claim("c1", RequestItem.devices("gpu", 2).onNumaNode(0, NumaPolicy.LEGACY)))
                .message()).isEqualTo(
                        "2 devices of group gpu on NUMA node 0 or with no NUMA node requested, 1 free on compute-1");
    }

    @Test
    void legacyNumaPrefersTheNodeOverNoInformation() {
        final TestHost host = TestHost.with(pci("0000:af:00.0", "gpu", null), pci("0000:d8:00.0", "gpu", 0));

        assertThat(addresses(host.granted(claim("c1",
                RequestItem.devices("gpu", 1).onNumaNode(0, NumaPolicy.LEGACY))))).containsExactly("0000:d8:00.0");
    }

    @Test
    void nodeWithoutPolicyMeansLegacy() {
        final TestHost host = TestHost.with(pci("0000:af:00.0", "gpu", 1));

        assertThat(host.rejected(claim("c1", new RequestItem("gpu", 1, null, 0, null))).reason())
                .isEqualTo(RejectReason.INSUFFICIENT_DEVICES);
    }

    @Test
    void socketPolicyActsAsPreferred() {
        final TestHost host = TestHost.with(pci("0000:af:00.0", "gpu", 1));

        assertThat(addresses(host.granted(claim("c1",
                RequestItem.devices("gpu", 1).onNumaNode(0, NumaPolicy.SOCKET))))).containsExactly("0000:af:00.0");
    }

    @Test
    void stricterNumaItemChoosesFirst() {
        final TestHost host = TestHost.with(pci("0000:af:00.0", "gpu", 0), pci("0000:d8:00.0", "gpu", 1));

        final CommandOutcome.Granted granted = host.granted(claim("c1",
                RequestItem.devices("gpu", 1).onNumaNode(0, NumaPolicy.PREFERRED),
                RequestItem.devices("gpu", 1).onNumaNode(0, NumaPolicy.REQUIRED)));

        assertThat(granted.devices()).extracting(ClaimedDevice::address)
                .containsExactly("0000:d8:00.0", "0000:af:00.0");
    }
}
