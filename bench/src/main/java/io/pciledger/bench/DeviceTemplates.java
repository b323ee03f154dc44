package io.pciledger.bench;

import io.pciledger.agent.fleet.SimulatedFleet;
import io.pciledger.agent.publish.DeviceRecords;
import io.pciledger.agent.spec.DeviceSpecList;
import io.pciledger.agent.spec.PciConfig;
import io.pciledger.agent.sysfs.FakeSysfsTree;
import io.pciledger.agent.sysfs.HardwareProfile;
import io.pciledger.agent.sysfs.SysfsScanner;
import io.pciledger.schemas.common.Device;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The assignable devices of simulated hosts, exactly as a node agent would publish them: a few
 * {@link HardwareProfile#TYPICAL_COMPUTE} hosts are written as sysfs trees, scanned and matched against the demo
 * device spec (groups {@code physnet1}, {@code physnet2}, {@code gpu-a100}, {@code nvme}) by the agent's own code.
 *
 * <p>A device record names no host, so a large fleet shares these few variants: host {@code i} has the devices
 * of variant {@code i mod variants}. That keeps set-up short (writing a tree per host takes about 30 ms) while
 * the hosts still differ in NIC model, VFs per port, GPUs and drives.
 */
final class DeviceTemplates {

    private final List<List<Device>> variants;

    private DeviceTemplates(final List<List<Device>> variants) {
        this.variants = List.copyOf(variants);
    }

    /**
     * @param count how many hardware variants to scan, at least 1
     * @throws IOException when the scratch trees or the demo configuration cannot be written
     */
    static DeviceTemplates scan(final int count) throws IOException {
        if (count < 1) {
            throw new IllegalArgumentException("at least one hardware variant is needed, was " + count);
        }
        final Path scratch = ScratchSpace.create("device-templates");
        try {
            final DeviceSpecList spec = PciConfig.load(
                    SimulatedFleet.writeDemoConfig(scratch.resolve("pci-config.json"))).deviceSpecs();
            final List<List<Device>> variants = new ArrayList<>();
            for (final String name : SimulatedFleet.hostNames(count)) {
                final FakeSysfsTree tree = FakeSysfsTree.write(scratch.resolve(name),
                        HardwareProfile.TYPICAL_COMPUTE.hardwareOf(name));
                variants.add(spec.match(new SysfsScanner(tree.root()).scan()).matched().stream()
                        .map(DeviceRecords::from).toList());
            }
            return new DeviceTemplates(variants);
        } finally {
            DeleteTree.quietly(scratch);
        }
    }

    /** The devices of the host with this index (0-based) in its fleet. */
    List<Device> devicesOf(final int hostIndex) {
        return variants.get(Math.floorMod(hostIndex, variants.size()));
    }
}
