package io.pciledger.agent.node;

import io.pciledger.agent.device.PciAddress;
import io.pciledger.agent.publish.DeviceRecords;
import io.pciledger.agent.publish.InventorySource;
import io.pciledger.agent.publish.ScannedInventory;
import io.pciledger.agent.spec.DeviceSpecList;
import io.pciledger.agent.sysfs.SkippedEntry;
import io.pciledger.agent.sysfs.SysfsScanReport;
import io.pciledger.agent.sysfs.SysfsScanner;
import io.pciledger.schemas.common.Device;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A host's assignable devices as the node agent publishes them: scan sysfs, apply the device spec
 * in force, keep what it matched with its group and tags.
 */
public final class SysfsInventorySource implements InventorySource {

    private final SysfsScanner scanner;
    private final Supplier<DeviceSpecList> spec;

    public SysfsInventorySource(final SysfsScanner scanner, final Supplier<DeviceSpecList> spec) {
        this.scanner = scanner;
        this.spec = spec;
    }

    @Override
    public ScannedInventory scan() {
        final SysfsScanReport report = scanner.scanReport();
        final List<Device> devices = spec.get().match(report.devices()).matched().stream()
                .map(DeviceRecords::from)
                .toList();
        return new ScannedInventory(devices, unreadableAddresses(report));
    }

    private static Set<String> unreadableAddresses(final SysfsScanReport report) {
        final Set<String> addresses = new HashSet<>();
        for (final SkippedEntry skipped : report.skipped()) {
            try {
                addresses.add(PciAddress.parse(skipped.path().getFileName().toString()).toString());
            } catch (IllegalArgumentException notADevice) {
                // an entry whose name is no PCI address was never published
            }
        }
        return addresses;
    }
}
