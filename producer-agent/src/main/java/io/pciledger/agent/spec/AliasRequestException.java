package io.pciledger.agent.spec;

import java.util.Locale;

/**
 * A flavor's {@code pci_passthrough:alias} extra spec cannot be turned into group requests: it is
 * malformed, or it names an alias that is not defined (Nova's {@code PciRequestAliasNotDefined}). This
 * is the requester's mistake, not the configuration's: the request is rejected, the service goes on.
 */
public final class AliasRequestException extends RuntimeException {

    /** Why the extra spec was rejected. */
    public enum Kind {
        /** Not of the form {@code name:count[,name:count...]}. */
        INVALID_FORMAT,
        /** Names an alias no {@code [pci] alias} defines. */
        ALIAS_NOT_DEFINED,
        /** Names an alias whose name cannot be a PCI group name. */
        NOT_A_GROUP_NAME;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Kind kind;

    public AliasRequestException(final Kind kind, final String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
