package io.pciledger.agent.sysfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.agent.device.DevType;
import io.pciledger.agent.device.HostDevices;
import io.pciledger.agent.device.PciAddress;
import io.pciledger.agent.device.PciDevice;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SysfsScannerTest extends SmallHostTreeTest {

    private PciDevice scanned(final PciAddress address) {
        return scan().find(address).orElseThrow();
    }

    @Test
    void findsEveryFunctionOfTheHost() {
        assertThat(scan().size()).isEqualTo(SmallHost.FUNCTIONS);
    }

    @Test
    void readsIdsAndClassAsLowerCaseHexWithoutPrefix() {
        final PciDevice pf = scanned(SmallHost.MELLANOX_PF);

        assertThat(pf.vendorId()).isEqualTo("15b3");
        assertThat(pf.productId()).isEqualTo("1017");
        assertThat(pf.classCode()).isEqualTo("020000");
    }

    @Test
    void normalisesUpperCaseAndShortHexValues() throws IOException {
        final Path gpu = tree.deviceDirectory(SmallHost.GPU);
        Files.writeString(gpu.resolve("vendor"), "0x10DE\n");
        Files.writeString(gpu.resolve("class"), "0x30200\n");

        final PciDevice device = scanned(SmallHost.GPU);

        assertThat(device.vendorId()).isEqualTo("10de");
        assertThat(device.classCode()).isEqualTo("030200");
    }

    @Test
    void classifiesFunctionWithVirtfnLinksAsPhysicalFunction() {
        assertThat(scanned(SmallHost.X710_PF0).devType()).isEqualTo(DevType.TYPE_PF);
    }

    @Test
    void classifiesSriovCapableFunctionWithNoVfsEnabledAsPhysicalFunction() {
        final HostHardware host = HostHardware.builder("no-vfs")
                .sriovNic(SriovNicCard.of(SriovNicModel.INTEL_X710).withPorts(1).withVfsPerPort(0))
                .build();
        FakeSysfsTree.write(root.resolve("no-vfs"), host);

        final HostDevices devices = new SysfsScanner(root.resolve("no-vfs")).scan();

        assertThat(devices.devices()).singleElement()
                .extracting(PciDevice::devType).isEqualTo(DevType.TYPE_PF);
    }

    @Test
    void classifiesFunctionWithPhysfnLinkAsVirtualFunctionOfThatPf() {
        final PciDevice vf = scanned(SmallHost.X710_PF1_VF0);

        assertThat(vf.devType()).isEqualTo(DevType.TYPE_VF);
        assertThat(vf.parentAddress()).isEqualTo(SmallHost.X710_PF1);
    }

    @Test
    void classifiesFunctionWithoutSriovAsPlainPciDevice() {
        final PciDevice gpu = scanned(SmallHost.GPU);

        assertThat(gpu.devType()).isEqualTo(DevType.TYPE_PCI);
        assertThat(gpu.parentAddress()).isNull();
    }

    @Test
    void readsNumaNode() {
        assertThat(scanned(SmallHost.GPU).numaNode()).isEqualTo(1);
    }

    @Test
    void readsNumaNodeMinusOneAsUnknown() {
        FakeSysfsTree.write(root.resolve("unknown-numa"), SmallHost.builder().numaUnknown().build());

        final HostDevices devices = new SysfsScanner(root.resolve("unknown-numa")).scan();

        assertThat(devices.devices()).extracting(PciDevice::numaNode).containsOnlyNulls();
    }

    @Test
    void readsDriverAsTheLastElementOfTheDriverLink() {
        assertThat(scanned(SmallHost.X710_PF0_VF1).driver()).isEqualTo("iavf");
    }

    @Test
    void functionWithNoDriverBoundHasNoDriver() {
        assertThat(scanned(SmallHost.HOST_BRIDGE).driver()).isNull();
    }

    @Test
    void readsInterfaceNameOfNicFunction() {
        assertThat(scanned(SmallHost.X710_PF1).ifname()).isEqualTo("ens2f1");
    }

    @Test
    void vfBoundToVfioHasNoInterface() {
        final PciDevice vf = scanned(SmallHost.MELLANOX_VF0);

        assertThat(vf.driver()).isEqualTo(PciModel.VFIO_PCI);
        assertThat(vf.ifname()).isNull();
    }

    @Test
    void mapsEveryInterfaceToItsFunction() {
        assertThat(scan().interfaces()).containsEntry("ens1f0", SmallHost.MELLANOX_PF)
                .containsEntry("ens2f0v1", SmallHost.X710_PF0_VF1)
                .hasSize(7);
    }

    @Test
    void functionWithTwoInterfacesIsNamedByTheFirstAndMapsBoth() throws IOException {
        Files.createDirectories(tree.deviceDirectory(SmallHost.X710_PF0).resolve("net").resolve("aaa0"));

        final HostDevices devices = scan();

        assertThat(devices.find(SmallHost.X710_PF0).orElseThrow().ifname()).isEqualTo("aaa0");
        assertThat(devices.addressOfInterface("aaa0")).contains(SmallHost.X710_PF0);
        assertThat(devices.addressOfInterface("ens2f0")).contains(SmallHost.X710_PF0);
    }

    @Test
    void findsExactlyTheGeneratedDevices() {
        final HostDevices devices = scan();
        final HostDevices expected = tree.hardware().expectedDevices();

        assertThat(devices.devices()).containsExactlyElementsOf(expected.devices());
        assertThat(devices.interfaces()).isEqualTo(expected.interfaces());
    }

    @Test
    void findsExactlyTheTwoThousandFunctionsOfADenseHost() {
        final FakeSysfsTree dense = FakeSysfsTree.write(root.resolve("dense"), HardwareProfile.DENSE.hardwareOf("dense-01"));

        final SysfsScanReport report = new SysfsScanner(dense.root()).scanReport();

        assertThat(report.skipped()).isEmpty();
        assertThat(report.devices().size()).isEqualTo(2000);
        assertThat(report.devices().devices()).containsExactlyElementsOf(dense.hardware().expectedDevices().devices());
        assertThat(report.devices().interfaces()).isEqualTo(dense.hardware().expectedDevices().interfaces());
    }
}
