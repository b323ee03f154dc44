package io.pciledger.agent.sysfs;

import io.pciledger.agent.device.DevType;
import io.pciledger.agent.device.PciAddress;
import io.pciledger.agent.device.PciDevice;
import java.util.List;
import java.util.Objects;

/**
 * One PCI function of a fake host, as {@link FakeSysfsTree} writes it: where it sits, what it is,
 * and its SR-IOV links. {@link #expectedDevice()} is what a correct scan must report for it.
 *
 * @param address        its PCI address
 * @param rootBus        the root bus of the host bridge it hangs off: its directory is
 *                       {@code devices/pci0000:<rootBus>/<address>}
 * @param model          ids, class and bound driver
 * @param numaNode       its NUMA node, or {@code null} to write {@code -1} (unknown)
 * @param interfaceNames its network interfaces, written as {@code net/<name>/}; may be empty
 * @param parent         for a VF, its PF ({@code physfn}); otherwise {@code null}
 * @param vfs            for a PF, its enabled VFs in order ({@code virtfn0}, {@code virtfn1}, …)
 * @param totalVfs       for an SR-IOV capable function, {@code sriov_totalvfs}; otherwise 0
 */
public record FakeFunction(
        PciAddress address,
        int rootBus,
        PciModel model,
        Integer numaNode,
        List<String> interfaceNames,
        PciAddress parent,
        List<PciAddress> vfs,
        int totalVfs) {

    public FakeFunction {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(model, "model");
        interfaceNames = List.copyOf(interfaceNames);
        vfs = List.copyOf(vfs);
        if (rootBus < 0 || rootBus > PciAddress.MAX_BUS) {
            throw new IllegalArgumentException("root bus " + rootBus + " of " + address + " is outside 0..ff");
        }
        if (parent != null && (!vfs.isEmpty() || totalVfs > 0)) {
            throw new IllegalArgumentException(address + " cannot be both a VF (of " + parent + ") and a PF");
        }
        if (vfs.size() > totalVfs) {
            throw new IllegalArgumentException(address + " has " + vfs.size() + " VFs but sriov_totalvfs " + totalVfs);
        }
    }

    /**
     * A function with no SR-IOV role and no network interface, directly on the root bus its address
     * names: e.g. a GPU or an NVMe drive added to a host for a rescan test.
     */
    public static FakeFunction plain(final PciAddress address, final PciModel model, final Integer numaNode) {
        return new FakeFunction(address, address.bus(), model, numaNode, List.of(), null, List.of(), 0);
    }

    /** A virtual function has a parent; a physical function can have VFs; anything else is a plain device. */
    public DevType devType() {
        if (parent != null) {
            return DevType.TYPE_VF;
        }
        return totalVfs > 0 || !vfs.isEmpty() ? DevType.TYPE_PF : DevType.TYPE_PCI;
    }

    /** What a scan of the written tree must report for this function. */
    public PciDevice expectedDevice() {
        final String ifname = interfaceNames.stream().sorted().findFirst().orElse(null);
        return new PciDevice(address, model.vendorId(), model.productId(), model.classCode(), devType(), parent,
                numaNode, ifname, model.driver());
    }

    FakeFunction withVfs(final List<PciAddress> otherVfs) {
        return new FakeFunction(address, rootBus, model, numaNode, interfaceNames, parent, otherVfs, totalVfs);
    }
}
