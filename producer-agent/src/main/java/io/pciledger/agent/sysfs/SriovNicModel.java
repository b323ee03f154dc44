package io.pciledger.agent.sysfs;

import java.util.Objects;

/**
 * A model of SR-IOV network card, for generating fake hosts: what each port (a physical function)
 * and each of its virtual functions look like, and how many VFs a port can have
 * ({@code sriov_totalvfs}).
 *
 * @param pf            each port's physical function, e.g. Intel X710 {@code 8086:1572} with i40e
 * @param vf            each virtual function, e.g. {@code 8086:154c} with iavf
 * @param maxVfsPerPort what the card reports as {@code sriov_totalvfs} on each port
 */
public record SriovNicModel(PciModel pf, PciModel vf, int maxVfsPerPort) {

    public static final SriovNicModel INTEL_X710 =
            new SriovNicModel(PciModel.INTEL_X710_PF, PciModel.INTEL_X710_VF, 64);
    public static final SriovNicModel INTEL_E810 =
            new SriovNicModel(PciModel.INTEL_E810_PF, PciModel.INTEL_E810_VF, 128);
    public static final SriovNicModel MELLANOX_CONNECTX_5 =
            new SriovNicModel(PciModel.MELLANOX_CONNECTX_5_PF, PciModel.MELLANOX_CONNECTX_5_VF, 127);

    public SriovNicModel {
        Objects.requireNonNull(pf, "pf");
        Objects.requireNonNull(vf, "vf");
        if (maxVfsPerPort < 1) {
            throw new IllegalArgumentException(
                    "an SR-IOV card supports at least 1 VF per port, not " + maxVfsPerPort + " (" + pf.name() + ")");
        }
    }
}
