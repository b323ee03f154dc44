package io.pciledger.agent.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.agent.device.DevType;
import io.pciledger.agent.spec.GroupAssignment;
import io.pciledger.agent.spec.MatchedDevice;
import io.pciledger.agent.spec.PciConfig;
import io.pciledger.agent.sysfs.HardwareProfile;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo fleet's device spec puts the typical host's hardware into the groups the README promises. */
class DemoPciConfigTest {

    @Test
    void sriovPortsLandInOneGroupPerPhysicalNetworkWithTheirVfs(@TempDir final Path dir) throws IOException {
        final PciConfig config = demoConfig(dir);

        for (final String host : SimulatedFleet.hostNames(5)) {
            final GroupAssignment groups = config.deviceSpecs().match(HardwareProfile.TYPICAL_COMPUTE.hardwareOf(host).expectedDevices());

            assertThat(groups.assignableCounts().keySet()).isSubsetOf("physnet1", "physnet2", "gpu-a100", "nvme")
                    .contains("physnet1", "physnet2", "nvme");
            assertThat(groups.matched()).filteredOn(match -> match.group().equals("physnet1"))
                    .extracting(match -> match.device().devType())
                    .contains(DevType.TYPE_PF, DevType.TYPE_VF);
            assertThat(groups.matched()).filteredOn(match -> match.group().startsWith("physnet"))
                    .allSatisfy(match -> assertThat(match.tags()).containsEntry("physical_network", match.group()));
            assertThat(groups.matched()).extracting(MatchedDevice::group).doesNotContain("default-other");
        }
    }

    private static PciConfig demoConfig(final Path dir) throws IOException {
        return PciConfig.load(SimulatedFleet.writeDemoConfig(dir.resolve("pci-config.json")));
    }
}
