package io.pciledger.agent.sysfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.pciledger.agent.device.HostDevices;
import io.pciledger.agent.device.PciAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The scanner against the real, read-only /sys of the machine running the tests. */
class ThisHostSysfsTest {

    @Test
    void scansThisHostsSysfsIntoWellFormedDevices() {
        assumeTrue(Files.isDirectory(Path.of("/sys/bus/pci/devices")), "this machine has no /sys/bus/pci/devices");

        final HostDevices devices = SysfsScanner.ofThisHost().scan();

        assertThat(devices.devices()).allSatisfy(device -> {
            assertThat(PciAddress.parse(device.address().toString())).isEqualTo(device.address());
            assertThat(device.vendorId()).matches("[0-9a-f]{4}");
            assertThat(device.productId()).matches("[0-9a-f]{4}");
            assertThat(device.classCode()).matches("[0-9a-f]{6}");
        });
    }
}
