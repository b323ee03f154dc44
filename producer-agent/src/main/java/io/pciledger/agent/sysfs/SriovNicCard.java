package io.pciledger.agent.sysfs;

import java.util.Objects;

/**
 * One SR-IOV network card to put into a fake host: its model, how many ports (PFs) it has, how
 * many VFs are enabled on each port, which NUMA node it hangs off, and which driver its VFs are
 * bound to. For example a dual-port X710 with 16 VFs per port on node 1, VFs bound to vfio-pci:
 * <pre>
 * SriovNicCard.of(SriovNicModel.INTEL_X710).withVfsPerPort(16).onNumaNode(1).withVfDriver(PciModel.VFIO_PCI)
 * </pre>
 * VFs bound to a host network driver (iavf, mlx5_core) get interfaces named after their port
 * ({@code ens1f0v3}); VFs bound to vfio-pci get none, as on a real host.
 *
 * @param model      the card's model
 * @param ports      physical functions, 1 to 8
 * @param vfsPerPort VFs enabled on each port ({@code sriov_numvfs}), up to the model's maximum
 * @param numaNode   the NUMA node, 0 to 7
 * @param vfDriver   the driver bound to the VFs, or {@code null} for none
 */
public record SriovNicCard(SriovNicModel model, int ports, int vfsPerPort, int numaNode, String vfDriver) {

    public static final int MAX_PORTS = 8;
    public static final int MAX_NUMA_NODE = 7;

    private static final int DEFAULT_PORTS = 2;
    private static final int DEFAULT_VFS_PER_PORT = 8;

    public SriovNicCard {
        Objects.requireNonNull(model, "model");
        if (ports < 1 || ports > MAX_PORTS) {
            throw new IllegalArgumentException(
                    "a card has 1 to " + MAX_PORTS + " ports, not " + ports + " (" + model.pf().name() + ")");
        }
        if (vfsPerPort < 0 || vfsPerPort > model.maxVfsPerPort()) {
            throw new IllegalArgumentException("vfsPerPort " + vfsPerPort + " is outside 0.." + model.maxVfsPerPort()
                    + ", the VFs a port of " + model.pf().name() + " supports");
        }
        if (numaNode < 0 || numaNode > MAX_NUMA_NODE) {
            throw new IllegalArgumentException("NUMA node " + numaNode + " is outside 0.." + MAX_NUMA_NODE);
        }
    }

    /** A dual-port card of that model on NUMA node 0, 8 VFs per port bound to the model's VF driver. */
    public static SriovNicCard of(final SriovNicModel model) {
        return new SriovNicCard(model, DEFAULT_PORTS, Math.min(DEFAULT_VFS_PER_PORT, model.maxVfsPerPort()), 0,
                model.vf().driver());
    }

    public SriovNicCard withPorts(final int count) {
        return new SriovNicCard(model, count, vfsPerPort, numaNode, vfDriver);
    }

    public SriovNicCard withVfsPerPort(final int count) {
        return new SriovNicCard(model, ports, count, numaNode, vfDriver);
    }

    public SriovNicCard onNumaNode(final int node) {
        return new SriovNicCard(model, ports, vfsPerPort, node, vfDriver);
    }

    public SriovNicCard withVfDriver(final String driver) {
        return new SriovNicCard(model, ports, vfsPerPort, numaNode, driver);
    }

    /** Whether the VFs show a host network interface: they do unless unbound or bound to vfio-pci. */
    boolean vfsHaveInterfaces() {
        return vfDriver != null && !PciModel.VFIO_PCI.equals(vfDriver);
    }

    /** How many PCI functions the card adds to a host: its ports and all their VFs. */
    public int functionCount() {
        return ports * (1 + vfsPerPort);
    }
}
