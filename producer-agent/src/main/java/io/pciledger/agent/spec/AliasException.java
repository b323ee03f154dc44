package io.pciledger.agent.spec;

import java.util.Locale;

/**
 * A {@code [pci] alias} definition is wrong: Nova's {@code PciInvalidAlias}. The service that reads the
 * aliases refuses to start with them. {@link #kind()} is stable and machine-readable; the message
 * names the alias value (0-based, in configuration order) or the alias name, and what was expected.
 */
public final class AliasException extends RuntimeException {

    /** What is wrong with the aliases. */
    public enum Kind {
        /** A value is not JSON. */
        INVALID_JSON,
        /** A value is JSON but not an object. */
        NOT_AN_OBJECT,
        /** A value has no {@code name}. */
        MISSING_NAME,
        /** A value has a key the alias schema does not know. */
        UNKNOWN_PROPERTY,
        /** A property has the wrong type or a value outside what the schema allows. */
        INVALID_PROPERTY,
        /** Two values with the same name give different {@code numa_policy}s. */
        NUMA_POLICY_MISMATCH,
        /** Two values with the same name give different {@code device_type}s. */
        DEVICE_TYPE_MISMATCH,
        /** An alias lacks {@code vendor_id} or {@code product_id}. */
        MISSING_IDS;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Kind kind;

    public AliasException(final Kind kind, final String message) {
        super("invalid PCI alias definition: " + message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
