package io.pciledger.agent.spec;

import io.pciledger.agent.device.DevType;
import io.pciledger.agent.device.HostDevices;
import io.pciledger.agent.device.PciAddress;
import io.pciledger.agent.device.PciDevice;
import java.util.List;
import java.util.Map;

/** Small hosts to match specs against: an Intel X710 PF with two VFs, a GPU, an NVMe drive. */
final class TestDevices {

    static final String ETHERNET = "020000";
    static final String VGA = "030000";
    static final String NVME = "010802";

    static final PciDevice PF = pf("0000:0a:00.0", "8086", "1572");
    static final PciDevice VF_1 = vf("0000:0a:02.0", "0000:0a:00.0", "8086", "154c");
    static final PciDevice VF_2 = vf("0000:0a:02.1", "0000:0a:00.0", "8086", "154c");
    static final PciDevice GPU = pci("0000:3b:00.0", "10de", "20b0", VGA);
    static final PciDevice DISK = pci("0000:5e:00.0", "144d", "a808", NVME);

    /** The PF (interface {@code ens1f0}), its VFs, the GPU and the disk. */
    static final HostDevices HOST = new HostDevices(
            List.of(PF, VF_1, VF_2, GPU, DISK), Map.of("ens1f0", PF.address(), "ens1f0v0", VF_1.address()));

    private TestDevices() {
    }

    static PciDevice pci(final String address, final String vendor, final String product, final String classCode) {
        return new PciDevice(PciAddress.parse(address), vendor, product, classCode, DevType.TYPE_PCI, null, 0, null,
                null);
    }

    static PciDevice pf(final String address, final String vendor, final String product) {
        return new PciDevice(PciAddress.parse(address), vendor, product, ETHERNET, DevType.TYPE_PF, null, 0, null,
                "i40e");
    }

    static PciDevice vf(final String address, final String parent, final String vendor, final String product) {
        return new PciDevice(PciAddress.parse(address), vendor, product, ETHERNET, DevType.TYPE_VF,
                PciAddress.parse(parent), 0, null, "iavf");
    }

    static HostDevices host(final PciDevice... devices) {
        return HostDevices.of(List.of(devices));
    }
}
