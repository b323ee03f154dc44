package io.pciledger.agent.sysfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pciledger.agent.device.DevType;
import io.pciledger.agent.device.PciAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostHardwareTest {

    private final HostHardware host = SmallHost.hardware();

    private FakeFunction function(final PciAddress address) {
        return host.find(address).orElseThrow();
    }

    @Test
    void putsChipsetDevicesOnTheRootBusOfNodeZero() {
        assertThat(function(SmallHost.HOST_BRIDGE).rootBus()).isZero();
        assertThat(function(SmallHost.SATA).address().bus()).isZero();
    }

    @Test
    void givesEachCardItsOwnBusBehindItsNodesHostBridge() {
        final FakeFunction gpu = function(SmallHost.GPU);

        assertThat(gpu.rootBus()).isEqualTo(0x80);
        assertThat(gpu.numaNode()).isEqualTo(1);
    }

    @Test
    void placesPortsAtSlotZeroAndVfsOnTheFollowingSlotsOfTheSameBus() {
        assertThat(function(SmallHost.X710_PF0).vfs())
                .containsExactly(SmallHost.X710_PF0_VF0, SmallHost.X710_PF0_VF1);
        assertThat(function(SmallHost.X710_PF1).vfs())
                .containsExactly(SmallHost.X710_PF1_VF0, PciAddress.parse("0000:81:01.3"));
    }

    @Test
    void continuesVfsOnTheNextBusWhenOneBusIsFull() {
        final HostHardware big = HostHardware.builder("big")
                .sriovNic(SriovNicCard.of(SriovNicModel.MELLANOX_CONNECTX_5).withVfsPerPort(127))
                .build();

        assertThat(big.find(PciAddress.parse("0000:01:1f.7")).map(FakeFunction::devType)).contains(DevType.TYPE_VF);
        assertThat(big.find(PciAddress.parse("0000:02:00.0")).map(FakeFunction::parent))
                .contains(PciAddress.parse("0000:01:00.1"));
    }

    @Test
    void namesInterfacesAfterCardAndPortAndVfsAfterTheirPort() {
        assertThat(function(SmallHost.X710_PF1).interfaceNames()).containsExactly("ens2f1");
        assertThat(function(SmallHost.X710_PF1_VF0).interfaceNames()).containsExactly("ens2f1v0");
    }

    @Test
    void givesVfsBoundToVfioNoInterface() {
        assertThat(function(SmallHost.MELLANOX_VF0).interfaceNames()).isEmpty();
        assertThat(function(SmallHost.MELLANOX_VF0).model().driver()).isEqualTo(PciModel.VFIO_PCI);
    }

    @Test
    void reportsSriovTotalOfTheModelOnEachPort() {
        assertThat(function(SmallHost.X710_PF0).totalVfs()).isEqualTo(64);
    }

    @Test
    void expectsEveryFunctionAsScanned() {
        assertThat(host.expectedDevices().devices()).hasSize(SmallHost.FUNCTIONS);
        assertThat(host.expectedDevices().find(SmallHost.X710_PF0_VF1).orElseThrow().parentAddress())
                .isEqualTo(SmallHost.X710_PF0);
    }

    @Test
    void withoutAPfHasNoneOfItsVfs() {
        final HostHardware after = host.without(SmallHost.X710_PF0);

        assertThat(after.size()).isEqualTo(SmallHost.FUNCTIONS - 3);
        assertThat(after.find(SmallHost.X710_PF0_VF0)).isEmpty();
    }

    @Test
    void withoutAVfLeavesItsPfWithOneVfLess() {
        final HostHardware after = host.without(SmallHost.X710_PF0_VF0);

        assertThat(after.find(SmallHost.X710_PF0).orElseThrow().vfs()).containsExactly(SmallHost.X710_PF0_VF1);
    }

    @Test
    void rejectsAddingAFunctionAtATakenAddress() {
        final FakeFunction clash = FakeFunction.plain(SmallHost.GPU, PciModel.INTEL_NVME_P4510, 1);

        assertThatThrownBy(() -> host.with(clash)).hasMessageContaining("two functions at 0000:82:00.0");
    }

    @Test
    void rejectsAddingAVfOnItsOwn() {
        final FakeFunction vf = new FakeFunction(PciAddress.parse("0000:90:00.0"), 0x80, PciModel.INTEL_X710_VF, 1,
                List.of(), SmallHost.X710_PF0, List.of(), 0);

        assertThatThrownBy(() -> host.with(vf)).hasMessageContaining("only plain functions can be added");
    }

    @Test
    void rejectsMoreCardsThanTheBusesOfTheirNodeHold() {
        final HostHardware.Builder crowded = HostHardware.builder("crowded");
        for (int i = 0; i < 256; i++) {
            crowded.card(PciModel.INTEL_NVME_P4510, 0);
        }

        assertThatThrownBy(crowded::build)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("host crowded: NUMA node 0 has run out of PCI buses (01..ff)");
    }

    @Test
    void rejectsMoreVfsThanTheModelSupports() {
        assertThatThrownBy(() -> SriovNicCard.of(SriovNicModel.INTEL_X710).withVfsPerPort(65))
                .hasMessageContaining("vfsPerPort 65 is outside 0..64");
    }
}
