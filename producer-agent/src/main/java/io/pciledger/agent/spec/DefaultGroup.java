package io.pciledger.agent.spec;

import java.util.Locale;

/**
 * The PCI group of a matched device whose device spec entry has no {@code name}: derived from the
 * base class of the device's PCI class code (its first two hex digits).
 *
 * <pre>
 *   class code   base class                       group
 *   02xxxx       network controller               default-network
 *   03xxxx       display controller (GPU)         default-gpu
 *   01xxxx       mass storage (e.g. NVMe 010802)  default-storage
 *   12xxxx       processing accelerator           default-accelerator
 *   anything else, or a class code that is not 6 hex digits   default-other
 * </pre>
 *
 * So with {@code device_spec = {"vendor_id": "8086", "product_id": "154c"}} every Intel X710 VF (class
 * {@code 020000}) lands in {@code default-network}.
 */
public enum DefaultGroup {
    NETWORK("default-network", "02"),
    GPU("default-gpu", "03"),
    STORAGE("default-storage", "01"),
    ACCELERATOR("default-accelerator", "12"),
    OTHER("default-other", null);

    private final String groupName;
    private final String baseClass;

    DefaultGroup(final String groupName, final String baseClass) {
        this.groupName = groupName;
        this.baseClass = baseClass;
    }

    /** The group name, e.g. {@code default-network}. */
    public String groupName() {
        return groupName;
    }

    /** The default group of a device with PCI class code {@code classCode} (6 hex digits, e.g. {@code 020000}). */
    public static DefaultGroup forClassCode(final String classCode) {
        if (classCode == null || !classCode.matches("[0-9a-fA-F]{6}")) {
            return OTHER;
        }
        final String base = classCode.substring(0, 2).toLowerCase(Locale.ROOT);
        for (final DefaultGroup group : values()) {
            if (base.equals(group.baseClass)) {
                return group;
            }
        }
        return OTHER;
    }
}
