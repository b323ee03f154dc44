package io.pciledger.agent.sysfs;

import io.pciledger.agent.device.HostDevices;
import io.pciledger.agent.device.PciAddress;
import io.pciledger.agent.device.PciDevice;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discovers the PCI functions of this host by reading sysfs, read-only: every entry of
 * {@code <root>/bus/pci/devices} becomes a {@link PciDevice} with its ids, class, SR-IOV role
 * ({@code type-PF}, {@code type-VF} with its parent PF, or {@code type-PCI}), NUMA node, bound
 * driver and network interface names.
 *
 * <p>The root is {@code /sys} on a real host; tests and the simulated fleet point it at a tree
 * written by {@link FakeSysfsTree}, which the scanner reads exactly like the real one.
 *
 * <p>An entry that cannot be read or makes no sense (a name that is not a PCI address, a missing or
 * garbled {@code vendor} or {@code class} file, a dangling link, permission denied) is skipped with
 * a warning naming its path and the reason; the rest of the host is still scanned. Only a root that
 * cannot be scanned at all fails the scan, with {@link SysfsUnavailableException}.
 *
 * <p>A scan lists {@code bus/pci/devices} once, and each device directory once; it reads only the
 * small attribute files the listing shows. A scanner holds no state between scans and may be shared.
 */
public final class SysfsScanner {

    /** Where the kernel mounts sysfs. */
    public static final Path DEFAULT_ROOT = Path.of("/sys");

    private static final Logger LOG = LoggerFactory.getLogger(SysfsScanner.class);
    private static final Path PCI_DEVICES = Path.of("bus", "pci", "devices");

    private final Path root;

    /**
     * @param root the directory where sysfs is mounted, normally {@link #DEFAULT_ROOT}
     */
    public SysfsScanner(final Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /** A scanner of this host's own sysfs, {@code /sys}. */
    public static SysfsScanner ofThisHost() {
        return new SysfsScanner(DEFAULT_ROOT);
    }

    public Path root() {
        return root;
    }

    /**
     * The host's PCI functions and network interfaces; entries that could not be read are left out
     * (and logged).
     *
     * @throws SysfsUnavailableException when the root does not exist or is not a sysfs tree
     */
    public HostDevices scan() {
        return scanReport().devices();
    }

    /**
     * The host's PCI functions and network interfaces, together with the entries that were skipped
     * and why (each one also logged as a warning).
     *
     * @throws SysfsUnavailableException when the root does not exist or is not a sysfs tree
     */
    public SysfsScanReport scanReport() {
        final List<SkippedEntry> skipped = new ArrayList<>();
        final Map<PciAddress, Path> entries = entriesByAddress(skipped);
        final List<PciDevice> devices = new ArrayList<>(entries.size());
        final Map<String, PciAddress> interfaces = new HashMap<>();
        for (final Map.Entry<PciAddress, Path> entry : entries.entrySet()) {
            try {
                final DeviceDirectory function = DeviceDirectory.read(entry.getValue(), entry.getKey());
                final PciDevice device = function.device();
                if (device.parentAddress() != null && !entries.containsKey(device.parentAddress())) {
                    throw new UnreadableEntryException("physfn is a dangling link: its physical function "
                            + device.parentAddress() + " is not among the host's PCI devices");
                }
                devices.add(device);
                function.interfaceNames().forEach(ifname -> interfaces.putIfAbsent(ifname, device.address()));
            } catch (final UnreadableEntryException unreadable) {
                skip(entry.getValue(), unreadable.getMessage(), skipped);
            }
        }
        return new SysfsScanReport(new HostDevices(devices, interfaces), skipped);
    }

    /** The entries of {@code bus/pci/devices} in address order, skipping names that are not addresses. */
    private Map<PciAddress, Path> entriesByAddress(final List<SkippedEntry> skipped) {
        final Path pciDevices = root.toAbsolutePath().normalize().resolve(PCI_DEVICES);
        final Map<PciAddress, Path> entries = new TreeMap<>();
        for (final String name : listPciDevices(pciDevices)) {
            final Path entry = pciDevices.resolve(name);
            final PciAddress address;
            try {
                address = PciAddress.parse(name);
            } catch (final IllegalArgumentException notAnAddress) {
                skip(entry, "the name '" + name + "' is not a PCI address (dddd:bb:ss.f)", skipped);
                continue;
            }
            final Path other = entries.putIfAbsent(address, entry);
            if (other != null) {
                skip(entry, "the entry " + other + " already has the address " + address, skipped);
            }
        }
        return entries;
    }

    private static void skip(final Path entry, final String reason, final List<SkippedEntry> skipped) {
        LOG.warn("Skipping PCI device entry {}: {}", entry, reason);
        skipped.add(new SkippedEntry(entry, reason));
    }

    private List<String> listPciDevices(final Path pciDevices) {
        if (!Files.isDirectory(root)) {
            throw new SysfsUnavailableException(root, "sysfs root " + root
                    + " does not exist or is not a directory; expected the directory where sysfs is mounted, normally "
                    + DEFAULT_ROOT);
        }
        if (!Files.isDirectory(pciDevices)) {
            throw new SysfsUnavailableException(root, "sysfs root " + root + " has no directory " + PCI_DEVICES
                    + ": it is not a sysfs tree, or this host has no PCI bus");
        }
        final List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(pciDevices)) {
            for (final Path entry : entries) {
                names.add(entry.getFileName().toString());
            }
        } catch (final IOException failed) {
            throw new SysfsUnavailableException(root, "cannot list " + pciDevices + ": " + failed.getMessage(), failed);
        }
        names.sort(null);
        return names;
    }
}
