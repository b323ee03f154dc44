package io.pciledger.agent.sysfs;

import io.pciledger.agent.device.HostDevices;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one scan of a host's sysfs: the functions that could be read, and the entries that
 * were skipped because something about them was unreadable or odd.
 *
 * @param devices the host's readable PCI functions and network interfaces
 * @param skipped the entries left out
 */
public record SysfsScanReport(HostDevices devices, List<SkippedEntry> skipped) {

    public SysfsScanReport {
        Objects.requireNonNull(devices, "devices");
        skipped = List.copyOf(skipped);
    }
}
