package io.pciledger.agent.device;

/**
 * What kind of PCI function a device is, in Nova's vocabulary: a plain passthrough device, an
 * SR-IOV physical function, or one of its virtual functions.
 */
public enum DevType {
    TYPE_PCI("type-PCI"),
    TYPE_PF("type-PF"),
    TYPE_VF("type-VF");

    private final String novaName;

    DevType(final String novaName) {
        this.novaName = novaName;
    }

    /** The name Nova uses, e.g. {@code type-PF}. */
    public String novaName() {
        return novaName;
    }

    /**
     * @throws IllegalArgumentException naming the text when it is not one of Nova's device types
     */
    public static DevType fromNovaName(final String name) {
        for (final DevType type : values()) {
            if (type.novaName.equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException(
                "'" + name + "' is not a device type; expected one of type-PCI, type-PF, type-VF");
    }
}
