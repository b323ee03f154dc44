package io.pciledger.agent.sysfs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Ready-made hardware for the hosts of a simulated fleet. Each profile varies its hosts by host
 * name (NIC vendor, VFs per port, GPU count and driver, …) but always gives the same host name the
 * same hardware, so a fleet of {@code compute-0001} … {@code compute-0500} is varied and
 * reproducible.
 *
 * <ul>
 *   <li>{@code typical-compute}: a two-socket compute node of about 64 functions: 6 chipset devices,
 *       one dual-port SR-IOV NIC per socket (Intel X710 or E810, or Mellanox ConnectX-5) with 8, 12
 *       or 16 VFs per port, 0 to 2 NVIDIA A100 per socket, 1 or 2 NVMe drives per socket.
 *   <li>{@code dense}: exactly 2,000 functions: 6 chipset devices, four dual-port NICs per socket
 *       (E810 or ConnectX-5) with 122 VFs per port, 4 GPUs and 9 NVMe drives per socket.
 * </ul>
 */
public enum HardwareProfile {
    TYPICAL_COMPUTE("typical-compute") {
        @Override
        HostHardware describe(final HostHardware.Builder host, final SplittableRandom random) {
            final SriovNicModel nicModel = pick(random, SriovNicModel.INTEL_X710, SriovNicModel.INTEL_E810,
                    SriovNicModel.MELLANOX_CONNECTX_5);
            final int vfsPerPort = pickInt(random, 8, 12, 16);
            final int gpusPerSocket = pickInt(random, 0, 1, 2);
            final int nvmePerSocket = pickInt(random, 1, 2);
            final PciModel gpu = PciModel.NVIDIA_A100.boundTo(pick(random, PciModel.VFIO_PCI, "nvidia"));
            for (int node = 0; node < SOCKETS; node++) {
                host.sriovNic(SriovNicCard.of(nicModel).withVfsPerPort(vfsPerPort).onNumaNode(node));
                addCards(host, gpu, gpusPerSocket, node);
                addCards(host, PciModel.INTEL_NVME_P4510, nvmePerSocket, node);
            }
            return host.build();
        }
    },
    DENSE("dense") {
        @Override
        HostHardware describe(final HostHardware.Builder host, final SplittableRandom random) {
            final PciModel gpu = PciModel.NVIDIA_A100.boundTo(pick(random, PciModel.VFIO_PCI, "nvidia"));
            for (int node = 0; node < SOCKETS; node++) {
                for (int nic = 0; nic < 4; nic++) {
                    final SriovNicModel model = pick(random, SriovNicModel.INTEL_E810, SriovNicModel.MELLANOX_CONNECTX_5);
                    final String vfDriver = pick(random, model.vf().driver(), PciModel.VFIO_PCI);
                    host.sriovNic(SriovNicCard.of(model).withVfsPerPort(122).onNumaNode(node).withVfDriver(vfDriver));
                }
                addCards(host, gpu, 4, node);
                addCards(host, PciModel.INTEL_NVME_P4510, 9, node);
            }
            return host.build();
        }
    };

    private static final int SOCKETS = 2;
    private static final List<PciModel> CHIPSET = List.of(PciModel.INTEL_HOST_BRIDGE, PciModel.INTEL_USB_XHCI,
            PciModel.INTEL_SATA_AHCI, PciModel.INTEL_LPC_BRIDGE, PciModel.INTEL_SMBUS, PciModel.ASPEED_BMC_VGA);

    private final String profileName;

    HardwareProfile(final String profileName) {
        this.profileName = profileName;
    }

    /** The name operators and command lines use, e.g. {@code typical-compute}. */
    public String profileName() {
        return profileName;
    }

    /**
     * @throws IllegalArgumentException naming the text and the known profiles when none has that name
     */
    public static HardwareProfile named(final String name) {
        for (final HardwareProfile profile : values()) {
            if (profile.profileName.equals(name)) {
                return profile;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a hardware profile; expected one of "
                + Arrays.stream(values()).map(HardwareProfile::profileName).collect(Collectors.joining(", ")));
    }

    /** The hardware of the named host under this profile: always the same for the same name. */
    public HostHardware hardwareOf(final String hostName) {
        final HostHardware.Builder host = HostHardware.builder(hostName);
        CHIPSET.forEach(host::chipset);
        return describe(host, new SplittableRandom(seedOf(hostName)));
    }

    abstract HostHardware describe(HostHardware.Builder host, SplittableRandom random);

    /** FNV-1a over the name's UTF-8 bytes: stable across JVMs and releases, unlike a random seed. */
    private static long seedOf(final String hostName) {
        long hash = 0xcbf29ce484222325L;
        for (final byte b : hostName.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    private static void addCards(final HostHardware.Builder host, final PciModel model, final int count,
            final int node) {
        for (int i = 0; i < count; i++) {
            host.card(model, node);
        }
    }

    @SafeVarargs
    private static <T> T pick(final SplittableRandom random, final T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static int pickInt(final SplittableRandom random, final int... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
