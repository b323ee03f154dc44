package io.pciledger.agent.sysfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.agent.device.HostDevices;
import io.pciledger.agent.device.PciAddress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The tree looks like sysfs, and changing it is what a rescan then reports. */
class FakeSysfsTreeTest extends SmallHostTreeTest {

    @Test
    void linksBusEntriesToDeviceDirectoriesRelativelyAsSysfsDoes() throws IOException {
        assertThat(Files.readSymbolicLink(tree.pciDevicesDirectory().resolve("0000:82:00.0")))
                .isEqualTo(Path.of("../../../devices/pci0000:80/0000:82:00.0"));
    }

    @Test
    void linksVfsAndTheirPfBothWays() throws IOException {
        final Path pf = tree.deviceDirectory(SmallHost.X710_PF1);

        assertThat(Files.readSymbolicLink(pf.resolve("virtfn0"))).isEqualTo(Path.of("../0000:81:01.2"));
        assertThat(Files.readSymbolicLink(tree.deviceDirectory(SmallHost.X710_PF1_VF0).resolve("physfn")))
                .isEqualTo(Path.of("../0000:81:00.1"));
    }

    @Test
    void writesAttributesAsTheKernelPrintsThem() throws IOException {
        final Path pf = tree.deviceDirectory(SmallHost.X710_PF0);

        assertThat(Files.readString(pf.resolve("vendor"))).isEqualTo("0x8086\n");
        assertThat(Files.readString(pf.resolve("class"))).isEqualTo("0x020000\n");
        assertThat(Files.readString(pf.resolve("sriov_numvfs"))).isEqualTo("2\n");
        assertThat(Files.readSymbolicLink(pf.resolve("driver"))).isEqualTo(Path.of("../../../bus/pci/drivers/i40e"));
    }

    @Test
    void rescanAfterRemovingADeviceNoLongerFindsIt() {
        tree.remove(SmallHost.GPU);

        assertThat(scan().find(SmallHost.GPU)).isEmpty();
        assertThat(scan().size()).isEqualTo(SmallHost.FUNCTIONS - 1);
    }

    @Test
    void rescanAfterRemovingAPfFindsNoneOfItsVfs() {
        tree.remove(SmallHost.X710_PF0);

        assertThat(scan().devices()).containsExactlyElementsOf(tree.hardware().expectedDevices().devices());
        assertThat(scan().find(SmallHost.X710_PF0_VF1)).isEmpty();
    }

    @Test
    void rescanAfterRemovingAVfFindsItsPfWithTheOtherVfs() throws IOException {
        tree.remove(SmallHost.X710_PF0_VF0);

        final HostDevices devices = scan();

        assertThat(devices.find(SmallHost.X710_PF0_VF0)).isEmpty();
        assertThat(devices.find(SmallHost.X710_PF0_VF1)).isPresent();
        assertThat(Files.readString(tree.deviceDirectory(SmallHost.X710_PF0).resolve("sriov_numvfs"))).isEqualTo("1\n");
        assertThat(tree.deviceDirectory(SmallHost.X710_PF0).resolve("virtfn0")).doesNotExist();
    }

    @Test
    void rescanAfterAddingADeviceFindsIt() {
        final PciAddress newGpu = PciAddress.parse("0000:83:00.0");
        tree.add(FakeFunction.plain(newGpu, PciModel.NVIDIA_A100, 1));

        assertThat(scan().find(newGpu)).contains(tree.hardware().find(newGpu).orElseThrow().expectedDevice());
    }

    @Test
    void rescanAfterAddingBackARemovedDeviceFindsItAgain() {
        final FakeFunction gpu = tree.hardware().find(SmallHost.GPU).orElseThrow();
        tree.remove(SmallHost.GPU);
        tree.add(gpu);

        assertThat(scan().devices()).containsExactlyElementsOf(SmallHost.hardware().expectedDevices().devices());
    }
}
