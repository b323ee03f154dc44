package io.pciledger.agent.sysfs;

import io.pciledger.agent.device.PciAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A sysfs tree written to an ordinary directory for a fake host, laid out like the kernel's, so
 * that {@link SysfsScanner} reads it exactly as it reads {@code /sys}:
 * <pre>
 * devices/pci0000:80/0000:81:00.0/        vendor device class numa_node sriov_totalvfs sriov_numvfs
 *                                         virtfn0 -> ../0000:81:01.0   driver -> ../../../bus/pci/drivers/i40e
 *                                         net/ens1f0/
 * devices/pci0000:80/0000:81:01.0/        … physfn -> ../0000:81:00.0
 * bus/pci/devices/0000:81:00.0 -> ../../../devices/pci0000:80/0000:81:00.0
 * bus/pci/drivers/i40e/
 * </pre>
 * Used by tests, the demo's simulated fleet and benchmarks. The tree can be changed afterwards, as
 * hot-plug changes a real host, to test what a rescan reports: {@link #remove} and {@link #add}.
 * Not thread-safe: one writer at a time.
 */
public final class FakeSysfsTree {

    private final Path root;
    private final Path pciDevices;
    private HostHardware hardware;

    private FakeSysfsTree(final Path root, final HostHardware hardware) {
        this.root = root;
        this.pciDevices = root.resolve("bus").resolve("pci").resolve("devices");
        this.hardware = hardware;
    }

    /**
     * Writes the host's tree under {@code root}, which may exist but should be empty.
     *
     * @throws UncheckedIOException naming the path that could not be written
     */
    public static FakeSysfsTree write(final Path root, final HostHardware hardware) {
        final FakeSysfsTree tree = new FakeSysfsTree(root, hardware);
        createDirectories(tree.pciDevices);
        hardware.functions().forEach(tree::writeFunction);
        return tree;
    }

    /** The directory to point a {@link SysfsScanner} at, in place of {@code /sys}. */
    public Path root() {
        return root;
    }

    /** The hardware the tree shows now, after any {@link #remove} or {@link #add}. */
    public HostHardware hardware() {
        return hardware;
    }

    /** The directory of {@code bus/pci/devices}, e.g. to put an odd entry in it. */
    public Path pciDevicesDirectory() {
        return pciDevices;
    }

    /** A function's own directory, e.g. to corrupt one of its files in a test. */
    public Path deviceDirectory(final PciAddress address) {
        return deviceDirectory(hardware.find(address).orElseThrow(
                () -> new IllegalArgumentException("host " + hardware.hostName() + " has no function at " + address)));
    }

    /**
     * Hot-unplugs a function: removes its directory and its {@code bus/pci/devices} entry. A PF's VFs
     * go with it; a VF is also unlinked from its PF, whose {@code sriov_numvfs} drops by one.
     *
     * @throws IllegalArgumentException when the host has no function at that address
     */
    public void remove(final PciAddress address) {
        final HostHardware after = hardware.without(address);
        final FakeFunction function = hardware.find(address).orElseThrow();
        for (final PciAddress vf : function.vfs()) {
            deleteFunction(hardware.find(vf).orElseThrow());
        }
        deleteFunction(function);
        if (function.parent() != null) {
            final FakeFunction pf = after.find(function.parent()).orElseThrow();
            unlinkVf(deviceDirectory(pf), address);
            writeFile(deviceDirectory(pf), "sriov_numvfs", Integer.toString(pf.vfs().size()));
        }
        hardware = after;
    }

    /**
     * Hot-plugs a plain function, e.g. {@code FakeFunction.plain(PciAddress.parse("0000:d8:00.0"),
     * PciModel.NVIDIA_A100, 1)}.
     *
     * @throws IllegalArgumentException when the address is taken or the function has SR-IOV links
     */
    public void add(final FakeFunction function) {
        hardware = hardware.with(function);
        writeFunction(function);
    }

    /** Deletes the whole tree, e.g. when a simulated host is shut down. */
    public void delete() {
        deleteTree(root);
    }

    private Path deviceDirectory(final FakeFunction function) {
        return root.resolve("devices").resolve(hostBridgeName(function)).resolve(function.address().toString());
    }

    private static String hostBridgeName(final FakeFunction function) {
        return String.format(Locale.ROOT, "pci%s:%02x", function.address().domainHex(), function.rootBus());
    }

    private void writeFunction(final FakeFunction function) {
        final Path directory = deviceDirectory(function);
        createDirectories(directory);
        final PciModel model = function.model();
        writeFile(directory, "vendor", "0x" + model.vendorId());
        writeFile(directory, "device", "0x" + model.productId());
        writeFile(directory, "class", "0x" + model.classCode());
        writeFile(directory, "subsystem_vendor", "0x" + model.vendorId());
        writeFile(directory, "subsystem_device", "0x0000");
        writeFile(directory, "revision", "0x01");
        writeFile(directory, "enable", "1");
        writeFile(directory, "numa_node", function.numaNode() == null ? "-1" : function.numaNode().toString());
        if (function.totalVfs() > 0) {
            writeFile(directory, "sriov_totalvfs", Integer.toString(function.totalVfs()));
            writeFile(directory, "sriov_numvfs", Integer.toString(function.vfs().size()));
        }
        final List<PciAddress> vfs = function.vfs();
        for (int i = 0; i < vfs.size(); i++) {
            link(directory.resolve("virtfn" + i), directory.resolveSibling(vfs.get(i).toString()));
        }
        if (function.parent() != null) {
            link(directory.resolve("physfn"), directory.resolveSibling(function.parent().toString()));
        }
        if (model.driver() != null) {
            final Path driver = root.resolve("bus").resolve("pci").resolve("drivers").resolve(model.driver());
            createDirectories(driver);
            link(directory.resolve("driver"), driver);
        }
        for (final String ifname : function.interfaceNames()) {
            createDirectories(directory.resolve("net").resolve(ifname));
        }
        link(pciDevices.resolve(function.address().toString()), directory);
    }

    private void deleteFunction(final FakeFunction function) {
        deleteTree(pciDevices.resolve(function.address().toString()));
        deleteTree(deviceDirectory(function));
    }

    private static void unlinkVf(final Path pfDirectory, final PciAddress vf) {
        try (DirectoryStream<Path> links = Files.newDirectoryStream(pfDirectory, "virtfn*")) {
            for (final Path link : links) {
                if (Files.readSymbolicLink(link).getFileName().toString().equals(vf.toString())) {
                    Files.delete(link);
                }
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot unlink VF " + vf + " from " + pfDirectory, e);
        }
    }

    /** A relative link, as sysfs has them, so the tree can be moved or mounted elsewhere. */
    private static void link(final Path link, final Path target) {
        try {
            Files.createSymbolicLink(link, link.getParent().relativize(target));
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot create link " + link + " -> " + target, e);
        }
    }

    private static void writeFile(final Path directory, final String name, final String value) {
        final Path file = directory.resolve(name);
        try {
            Files.write(file, (value + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void createDirectories(final Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot create directory " + directory, e);
        }
    }

    /** Deletes a directory tree, or a single link, without following links. */
    private static void deleteTree(final Path top) {
        try (Stream<Path> paths = Files.walk(top)) {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot delete " + top, e);
        }
    }
}
