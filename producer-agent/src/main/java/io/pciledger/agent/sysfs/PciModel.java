package io.pciledger.agent.sysfs;

import java.util.Objects;

/**
 * A kind of PCI function as it shows in sysfs, for generating fake hosts: the ids and class the
 * kernel reports and the driver that usually binds to it. For example NVIDIA's A100 is
 * {@code 10de:20b5}, class {@code 030200} (3D controller), bound to {@code vfio-pci} on a host that
 * passes it through.
 *
 * @param name      a human name, for reading test output
 * @param vendorId  4 lower-case hex digits
 * @param productId 4 lower-case hex digits
 * @param classCode 6 lower-case hex digits
 * @param driver    the bound driver, or {@code null} for none
 */
public record PciModel(String name, String vendorId, String productId, String classCode, String driver) {

    /** The driver that makes a function assignable to a guest; it gives the host no network interface. */
    public static final String VFIO_PCI = "vfio-pci";

    public static final PciModel INTEL_X710_PF =
            new PciModel("Intel Ethernet Controller X710 for 10GbE SFP+", "8086", "1572", "020000", "i40e");
    public static final PciModel INTEL_X710_VF =
            new PciModel("Intel Ethernet Virtual Function 700 Series", "8086", "154c", "020000", "iavf");
    public static final PciModel INTEL_E810_PF =
            new PciModel("Intel Ethernet Controller E810-C for QSFP", "8086", "1592", "020000", "ice");
    public static final PciModel INTEL_E810_VF =
            new PciModel("Intel Ethernet Adaptive Virtual Function", "8086", "1889", "020000", "iavf");
    public static final PciModel MELLANOX_CONNECTX_5_PF =
            new PciModel("Mellanox MT27800 Family [ConnectX-5]", "15b3", "1017", "020000", "mlx5_core");
    public static final PciModel MELLANOX_CONNECTX_5_VF =
            new PciModel("Mellanox MT27800 Family [ConnectX-5 Virtual Function]", "15b3", "1018", "020000",
                    "mlx5_core");
    public static final PciModel NVIDIA_A100 =
            new PciModel("NVIDIA GA100 [A100 PCIe 80GB]", "10de", "20b5", "030200", VFIO_PCI);
    public static final PciModel INTEL_NVME_P4510 =
            new PciModel("Intel NVMe Datacenter SSD [3DNAND, Beta Rock Controller]", "8086", "0a54", "010802", "nvme");

    public static final PciModel INTEL_HOST_BRIDGE =
            new PciModel("Intel Sky Lake-E DMI3 Registers", "8086", "2020", "060000", null);
    public static final PciModel INTEL_LPC_BRIDGE =
            new PciModel("Intel C620 Series Chipset LPC/eSPI Controller", "8086", "a1c1", "060100", null);
    public static final PciModel INTEL_USB_XHCI =
            new PciModel("Intel C620 Series Chipset USB 3.0 xHCI Controller", "8086", "a1af", "0c0330", "xhci_hcd");
    public static final PciModel INTEL_SATA_AHCI =
            new PciModel("Intel C620 Series Chipset SATA Controller [AHCI mode]", "8086", "a182", "010601", "ahci");
    public static final PciModel INTEL_SMBUS =
            new PciModel("Intel C620 Series Chipset SMBus", "8086", "a1a3", "0c0500", "i801_smbus");
    public static final PciModel ASPEED_BMC_VGA =
            new PciModel("ASPEED Graphics Family (BMC)", "1a03", "2000", "030000", "ast");

    public PciModel {
        Objects.requireNonNull(name, "name");
        checkHex("vendorId", vendorId, 4);
        checkHex("productId", productId, 4);
        checkHex("classCode", classCode, 6);
    }

    /** The same model bound to another driver, e.g. a GPU bound to {@code nvidia} rather than vfio-pci. */
    public PciModel boundTo(final String otherDriver) {
        return new PciModel(name, vendorId, productId, classCode, otherDriver);
    }

    private static void checkHex(final String field, final String value, final int digits) {
        if (value == null || !value.matches("[0-9a-f]{" + digits + "}")) {
            throw new IllegalArgumentException(
                    field + " '" + value + "' is not " + digits + " lower-case hex digits");
        }
    }
}
