package io.pciledger.agent.node;

import io.pciledger.agent.device.HostDevices;
import io.pciledger.agent.publish.DeviceRecords;
import io.pciledger.agent.publish.InventorySource;
import io.pciledger.agent.spec.DeviceSpecList;
import io.pciledger.agent.sysfs.SysfsScanner;
import io.pciledger.schemas.common.Device;
import java.util.List;
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
    public List<Device> currentDevices() {
        final HostDevices host = scanner.scan();
        return spec.get().match(host).matched().stream().map(DeviceRecords::from).toList();
    }
}
