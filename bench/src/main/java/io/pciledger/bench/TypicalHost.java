package io.pciledger.bench;

import io.pciledger.ledger.domain.DevType;
import io.pciledger.ledger.domain.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The assignable PCI devices of every host the HTTP benchmarks seed: 64 functions on two NUMA nodes, as a GPU
 * compute node with SR-IOV networking has them. Per NUMA node: 4 GPUs of a GPU group, 2 NVMe drives
 * ({@value #NVME}), and one PF of {@value #PHYSNET} with 25 VFs. Half the fleet has {@value #GPU_A100}s, the other
 * half {@value #GPU_H100}s, so that a request for one GPU group filters the fleet.
 */
final class TypicalHost {

    static final String GPU_A100 = "gpu-a100";
    static final String GPU_H100 = "gpu-h100";
    static final String NVME = "nvme";
    static final String PHYSNET = "physnet1";
    static final int VFS_PER_PF = 25;
    static final int DEVICES = 64;

    private TypicalHost() {
    }

    /** The name of the {@code index}th seeded host. */
    static String name(final int index) {
        return String.format("compute-%05d", index);
    }

    /** The GPU group of the {@code index}th host. */
    static String gpuGroup(final int index) {
        return index % 2 == 0 ? GPU_A100 : GPU_H100;
    }

    /** The devices of the {@code index}th host. */
    static List<Device> devices(final int index) {
        final List<Device> devices = new ArrayList<>(DEVICES);
        for (int numa = 0; numa < 2; numa++) {
            for (int gpu = 0; gpu < 4; gpu++) {
                devices.add(new Device(String.format("0000:%02x:00.0", 0x18 + numa * 0x80 + gpu), "10de", "20b5",
                        "030200", DevType.TYPE_PCI, null, numa, null, "vfio-pci", gpuGroup(index), Map.of()));
            }
            for (int drive = 0; drive < 2; drive++) {
                devices.add(new Device(String.format("0000:%02x:00.0", 0x30 + numa * 0x80 + drive), "144d", "a80a",
                        "010802", DevType.TYPE_PCI, null, numa, null, "vfio-pci", NVME, Map.of()));
            }
            final int bus = 0x40 + numa * 0x80;
            final String pf = String.format("0000:%02x:00.0", bus);
            devices.add(new Device(pf, "8086", "1592", "020000", DevType.TYPE_PF, null, numa, "ens" + numa + "f0",
                    "ice", PHYSNET, Map.of("physical_network", PHYSNET)));
            for (int vf = 0; vf < VFS_PER_PF; vf++) {
                devices.add(new Device(String.format("0000:%02x:%02x.%d", bus, 1 + vf / 8, vf % 8), "8086", "1889",
                        "020000", DevType.TYPE_VF, pf, numa, null, "iavf", PHYSNET,
                        Map.of("physical_network", PHYSNET)));
            }
        }
        return devices;
    }
}
