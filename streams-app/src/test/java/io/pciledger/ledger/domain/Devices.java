package io.pciledger.ledger.domain;

import java.util.Map;

/** Devices as an agent would report them, for tests: only what the rules look at varies. */
final class Devices {

    private Devices() {
    }

    static Device pci(final String address, final String group, final Integer numaNode) {
        return new Device(address, "10de", "20b0", "030200", DevType.TYPE_PCI, null, numaNode, null, "vfio-pci",
                group, Map.of());
    }

    static Device pf(final String address, final String group, final Integer numaNode) {
        return new Device(address, "8086", "1592", "020000", DevType.TYPE_PF, null, numaNode, "ens1f0", "ice",
                group, Map.of("physical_network", group));
    }

    static Device vf(final String address, final String pf, final String group, final Integer numaNode) {
        return new Device(address, "8086", "1889", "020000", DevType.TYPE_VF, pf, numaNode, null, "iavf", group,
                Map.of("physical_network", group));
    }
}
