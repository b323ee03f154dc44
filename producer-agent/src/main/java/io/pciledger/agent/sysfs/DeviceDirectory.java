package io.pciledger.agent.sysfs;

import io.pciledger.agent.device.DevType;
import io.pciledger.agent.device.PciAddress;
import io.pciledger.agent.device.PciDevice;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NotLinkException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What sysfs says about one PCI function: the directory an entry of {@code bus/pci/devices} leads
 * to, e.g. {@code /sys/bus/pci/devices/0000:3b:02.0}, read into a {@link PciDevice}.
 *
 * <p>The attributes read, as the kernel lays them out:
 * <pre>
 * vendor, device, class   0x8086, 0x154c, 0x020000     ids and PCI class (required)
 * numa_node               1, or -1 when the platform does not say
 * physfn -> ../0000:3b:00.0                            only on an SR-IOV virtual function: its PF
 * virtfn0 -> ../0000:3b:02.0, sriov_totalvfs           only on an SR-IOV physical function
 * driver -> ../../../bus/pci/drivers/iavf              the bound driver, if any
 * net/ens1f0v0/                                        the network interface(s) of a NIC function
 * </pre>
 *
 * <p>The directory is listed once; only the files that listing shows are read. A required file that
 * is missing, or any file present that cannot be read or makes no sense, makes the whole entry
 * unreadable: a half-read device would be reported with wrong attributes. Whether a VF's parent is
 * on the host is for the {@link SysfsScanner} to check, which knows all the entries.
 */
final class DeviceDirectory {

    private static final String PHYSFN = "physfn";
    private static final String VIRTFN_PREFIX = "virtfn";
    private static final String SRIOV_TOTALVFS = "sriov_totalvfs";
    private static final String DRIVER = "driver";
    private static final String NET = "net";
    private static final String NUMA_NODE = "numa_node";
    private static final String NUMA_UNKNOWN = "-1";

    /** Big enough for any attribute read here, with room to tell a too-long file. */
    private static final int ATTRIBUTE_BUFFER_BYTES = 64;

    private final Path directory;
    /** The directory's path and a slash, to which file names are appended without building a Path each. */
    private final String filePrefix;
    private final byte[] buffer = new byte[ATTRIBUTE_BUFFER_BYTES];
    private final PciAddress address;
    private boolean hasPhysfn;
    private boolean hasVirtfn;
    private boolean hasTotalVfs;
    private boolean hasDriver;
    private boolean hasNet;
    private boolean hasNumaNode;
    private List<String> interfaceNames = List.of();
    private PciDevice device;

    private DeviceDirectory(final Path directory, final PciAddress address) {
        this.directory = directory;
        this.filePrefix = directory + "/";
        this.address = address;
    }

    /**
     * Reads the function an entry of {@code bus/pci/devices} leads to.
     *
     * @param entry   the entry, normally a link such as {@code ../../../devices/pci0000:3a/0000:3b:00.0}
     * @param address the function's address, which the entry is named after
     * @throws UnreadableEntryException naming what is wrong: the entry cannot be followed or listed,
     *                                  or a file is missing, unreadable or odd
     */
    static DeviceDirectory read(final Path entry, final PciAddress address) throws UnreadableEntryException {
        final DeviceDirectory function = new DeviceDirectory(followLink(entry), address);
        for (final String file : list(function.directory, "the entry")) {
            function.note(file);
        }
        function.readAttributes();
        return function;
    }

    /**
     * Where an entry's link leads, worked out once so that each file read does not follow the link
     * again. The target is normalised by text: in sysfs the links join real directories, none of
     * them a link itself.
     */
    private static Path followLink(final Path entry) throws UnreadableEntryException {
        try {
            return entry.resolveSibling(Files.readSymbolicLink(entry)).normalize();
        } catch (final NotLinkException plainDirectory) {
            return entry;
        } catch (final IOException failed) {
            throw new UnreadableEntryException("the entry cannot be read: " + failed.getMessage());
        }
    }

    /** The function as sysfs describes it. */
    PciDevice device() {
        return device;
    }

    /** The names of the function's network interfaces, sorted; the first is the device's {@code ifname}. */
    List<String> interfaceNames() {
        return interfaceNames;
    }

    private void readAttributes() throws UnreadableEntryException {
        final String vendorId = readHex("vendor", HexAttribute.ID);
        final String productId = readHex("device", HexAttribute.ID);
        final String classCode = readHex("class", HexAttribute.CLASS_CODE);
        final Integer numaNode = hasNumaNode ? readNumaNode() : null;
        final PciAddress parent = hasPhysfn ? readPhysfn() : null;
        final DevType devType = parent != null ? DevType.TYPE_VF
                : isPhysicalFunction() ? DevType.TYPE_PF
                : DevType.TYPE_PCI;
        final String driver = hasDriver ? linkTargetName(DRIVER) : null;
        if (hasNet) {
            final String[] names = list(directory.resolve(NET), "its net directory");
            Arrays.sort(names);
            interfaceNames = List.of(names);
        }
        final String ifname = interfaceNames.isEmpty() ? null : interfaceNames.get(0);
        device = new PciDevice(address, vendorId, productId, classCode, devType, parent, numaNode, ifname, driver);
    }

    private void note(final String file) {
        switch (file) {
            case PHYSFN -> hasPhysfn = true;
            case SRIOV_TOTALVFS -> hasTotalVfs = true;
            case DRIVER -> hasDriver = true;
            case NET -> hasNet = true;
            case NUMA_NODE -> hasNumaNode = true;
            default -> hasVirtfn |= file.startsWith(VIRTFN_PREFIX);
        }
    }

    private boolean isPhysicalFunction() throws UnreadableEntryException {
        if (hasVirtfn) {
            return true;
        }
        if (!hasTotalVfs) {
            return false;
        }
        final String content = readFile(SRIOV_TOTALVFS);
        try {
            return Integer.parseInt(content) > 0;
        } catch (final NumberFormatException notANumber) {
            throw new UnreadableEntryException(
                    SRIOV_TOTALVFS + " holds '" + content + "', expected a whole number of VFs");
        }
    }

    private Integer readNumaNode() throws UnreadableEntryException {
        final String content = readFile(NUMA_NODE);
        if (NUMA_UNKNOWN.equals(content)) {
            return null;
        }
        try {
            final int node = Integer.parseInt(content);
            if (node >= 0) {
                return node;
            }
        } catch (final NumberFormatException notANumber) {
            // reported below, with the other odd values
        }
        throw new UnreadableEntryException(
                NUMA_NODE + " holds '" + content + "', expected a node number or -1 for unknown");
    }

    private PciAddress readPhysfn() throws UnreadableEntryException {
        final String target = linkTargetName(PHYSFN);
        try {
            return PciAddress.parse(target);
        } catch (final IllegalArgumentException notAnAddress) {
            throw new UnreadableEntryException(
                    PHYSFN + " points to '" + target + "', which is not a PCI address");
        }
    }

    private String readHex(final String file, final HexAttribute attribute) throws UnreadableEntryException {
        try {
            return attribute.normalise(readFile(file));
        } catch (final IllegalArgumentException odd) {
            throw new UnreadableEntryException(file + " " + odd.getMessage());
        }
    }

    /**
     * The content of a small attribute file, without surrounding white space. Read with a plain
     * {@link FileInputStream} and one {@code read} into a small buffer: the kernel hands over a whole
     * sysfs attribute (and a whole small regular file) in one read, and a scan reads thousands of
     * these, where {@code Files.readAllBytes} would add a size query, a second read and NIO channel
     * machinery to each.
     */
    private String readFile(final String file) throws UnreadableEntryException {
        final String filePath = filePrefix + file;
        final int length;
        try (InputStream in = new FileInputStream(filePath)) {
            length = Math.max(0, in.read(buffer));
        } catch (final IOException failed) {
            if (Files.notExists(Path.of(filePath), LinkOption.NOFOLLOW_LINKS)) {
                throw new UnreadableEntryException("has no " + file + " file");
            }
            throw new UnreadableEntryException(file + " cannot be read: " + failed.getMessage());
        }
        if (length == buffer.length) {
            throw new UnreadableEntryException(file + " holds " + buffer.length
                    + " bytes or more, too long for an attribute of one value");
        }
        return new String(buffer, 0, length, StandardCharsets.US_ASCII).strip();
    }

    /** The last path element of a symbolic link's target, e.g. {@code i40e} for the driver link. */
    private String linkTargetName(final String link) throws UnreadableEntryException {
        try {
            final Path target = Files.readSymbolicLink(directory.resolve(link)).getFileName();
            if (target == null) {
                throw new UnreadableEntryException(link + " is a link to nothing");
            }
            return target.toString();
        } catch (final NotLinkException notLink) {
            throw new UnreadableEntryException(link + " is not a symbolic link");
        } catch (final IOException failed) {
            throw new UnreadableEntryException(link + " cannot be read: " + failed.getMessage());
        }
    }

    /**
     * The names in a directory, listed with {@link File#list()}: it returns plain strings, where
     * {@code Files.newDirectoryStream} builds a {@code Path} per name, which dominates a scan's time.
     * {@code File} says only that listing failed, so the reason is looked up afterwards.
     */
    private static String[] list(final Path directory, final String what) throws UnreadableEntryException {
        final String[] names = directory.toFile().list();
        if (names != null) {
            return names;
        }
        if (Files.notExists(directory)) {
            throw new UnreadableEntryException(what + " is a dangling link or has gone");
        }
        if (!Files.isDirectory(directory)) {
            throw new UnreadableEntryException(what + " is not a directory");
        }
        if (!Files.isReadable(directory)) {
            throw new UnreadableEntryException(what + " cannot be listed: permission denied");
        }
        throw new UnreadableEntryException(what + " cannot be listed");
    }
}
