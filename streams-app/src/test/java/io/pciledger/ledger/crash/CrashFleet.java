package io.pciledger.ledger.crash;

import io.pciledger.ledger.domain.DevType;
import io.pciledger.ledger.domain.Device;
import io.pciledger.ledger.domain.RequestItem;
import io.pciledger.ledger.domain.VnicType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The few hosts the crash test's clients compete for, and what they ask for. Every host has the same hardware:
 * two SR-IOV NICs (a PF with four VFs each, the first in group {@code net-a}, the second in {@code net-b}) and two
 * GPUs (group {@code gpu}): twelve devices, so most claims of a busy fleet are refused for
 * {@code INSUFFICIENT_DEVICES} until releases and expiries give devices back.
 */
final class CrashFleet {

    static final List<String> HOSTS = List.of("node-1", "node-2", "node-3", "node-4", "node-5", "node-6");

    /**
     * What clients ask for. Whole PFs compete with their VFs (PF/VF exclusivity), and the {@code direct} plus
     * {@code macvtap} mix is refused {@code NON_MIGRATABLE_MIX}, so every kind of recorded decision occurs.
     */
    static final List<List<RequestItem>> REQUESTS = List.of(
            List.of(RequestItem.port(VnicType.DIRECT, "net-a")),
            List.of(new RequestItem("net-a", 2, VnicType.DIRECT, null, null)),
            List.of(RequestItem.port(VnicType.DIRECT_PHYSICAL, "net-a")),
            List.of(RequestItem.port(VnicType.MACVTAP, "net-b"), RequestItem.port(VnicType.MACVTAP, "net-b")),
            List.of(RequestItem.port(VnicType.DIRECT_PHYSICAL, "net-b")),
            List.of(RequestItem.devices("gpu", 1)),
            List.of(RequestItem.devices("gpu", 2), RequestItem.port(VnicType.DIRECT, "net-b")),
            List.of(RequestItem.port(VnicType.DIRECT, "net-a"), RequestItem.port(VnicType.MACVTAP, "net-b")));

    private CrashFleet() {
    }

    /** The devices the agent of any host reports. */
    static List<Device> devices() {
        final List<Device> devices = new ArrayList<>();
        addNic(devices, "0000:3b", "net-a", 0);
        addNic(devices, "0000:5e", "net-b", 1);
        devices.add(gpu("0000:af:00.0", 0));
        devices.add(gpu("0000:d8:00.0", 1));
        return devices;
    }

    private static void addNic(final List<Device> devices, final String bus, final String group, final int numa) {
        final String pf = bus + ":00.0";
        devices.add(new Device(pf, "8086", "1592", "020000", DevType.TYPE_PF, null, numa, null, "ice", group,
                Map.of("physical_network", group)));
        for (int vf = 0; vf < 4; vf++) {
            devices.add(new Device(bus + ":02." + vf, "8086", "1889", "020000", DevType.TYPE_VF, pf, numa, null,
                    "iavf", group, Map.of("physical_network", group)));
        }
    }

    private static Device gpu(final String address, final int numa) {
        return new Device(address, "10de", "20b0", "030200", DevType.TYPE_PCI, null, numa, null, "vfio-pci", "gpu",
                Map.of());
    }
}
