package io.pciledger.ledger.domain;

/**
 * Nova's device type of one PCI function: a plain passthrough device ({@code type-PCI}), an SR-IOV physical
 * function ({@code type-PF}) or one of its virtual functions ({@code type-VF}).
 *
 * <p>The symbols are those of the Avro {@code DevType}, so mapping is by name. {@link #UNKNOWN} is what a reader
 * gets for a symbol it does not know; the ledger treats such a device as a plain device.
 */
public enum DevType {
    UNKNOWN,
    TYPE_PCI,
    TYPE_PF,
    TYPE_VF;

    /** The name Nova prints, e.g. {@code type-VF}. */
    public String novaName() {
        return switch (this) {
            case TYPE_PCI -> "type-PCI";
            case TYPE_PF -> "type-PF";
            case TYPE_VF -> "type-VF";
            case UNKNOWN -> "unknown";
        };
    }
}
