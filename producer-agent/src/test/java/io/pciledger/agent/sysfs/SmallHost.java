package io.pciledger.agent.sysfs;

import io.pciledger.agent.device.PciAddress;

/**
 * A small two-socket host whose layout the tests know by heart:
 * <pre>
 * 0000:00:00.0  host bridge (no driver)          0000:00:01.0  SATA controller (ahci)
 * 0000:01:00.0  ConnectX-5 port 0, ens1f0         0000:01:01.0-01.1  its VFs on vfio-pci, no interfaces
 * 0000:02:00.0  NVMe drive                        (all on NUMA node 0)
 * 0000:81:00.0  X710 port 0, ens2f0               0000:81:01.0-01.1  its VFs, ens2f0v0, ens2f0v1 (iavf)
 * 0000:81:00.1  X710 port 1, ens2f1               0000:81:01.2-01.3  its VFs, ens2f1v0, ens2f1v1
 * 0000:82:00.0  A100 GPU (vfio-pci)               (all on NUMA node 1)
 * </pre>
 */
final class SmallHost {

    static final PciAddress HOST_BRIDGE = PciAddress.parse("0000:00:00.0");
    static final PciAddress SATA = PciAddress.parse("0000:00:01.0");
    static final PciAddress MELLANOX_PF = PciAddress.parse("0000:01:00.0");
    static final PciAddress MELLANOX_VF0 = PciAddress.parse("0000:01:01.0");
    static final PciAddress NVME = PciAddress.parse("0000:02:00.0");
    static final PciAddress X710_PF0 = PciAddress.parse("0000:81:00.0");
    static final PciAddress X710_PF1 = PciAddress.parse("0000:81:00.1");
    static final PciAddress X710_PF0_VF0 = PciAddress.parse("0000:81:01.0");
    static final PciAddress X710_PF0_VF1 = PciAddress.parse("0000:81:01.1");
    static final PciAddress X710_PF1_VF0 = PciAddress.parse("0000:81:01.2");
    static final PciAddress GPU = PciAddress.parse("0000:82:00.0");
    static final int FUNCTIONS = 13;

    private SmallHost() {
    }

    static HostHardware hardware() {
        return builder().build();
    }

    static HostHardware.Builder builder() {
        return HostHardware.builder("small-host")
                .chipset(PciModel.INTEL_HOST_BRIDGE)
                .chipset(PciModel.INTEL_SATA_AHCI)
                .sriovNic(SriovNicCard.of(SriovNicModel.MELLANOX_CONNECTX_5).withPorts(1).withVfsPerPort(2)
                        .withVfDriver(PciModel.VFIO_PCI))
                .sriovNic(SriovNicCard.of(SriovNicModel.INTEL_X710).withVfsPerPort(2).onNumaNode(1))
                .card(PciModel.INTEL_NVME_P4510, 0)
                .card(PciModel.NVIDIA_A100, 1);
    }
}
