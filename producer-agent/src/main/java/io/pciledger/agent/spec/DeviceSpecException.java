package io.pciledger.agent.spec;

import java.util.Locale;
import java.util.OptionalInt;

/**
 * The device spec ({@code [pci] device_spec}) is wrong: the agent cannot decide which devices are
 * assignable and refuses to start with it, as nova-compute does.
 *
 * <p>{@link #kind()} says what is wrong in a stable, machine-readable way (the {@code explain} command
 * prints its {@link Kind#code() code}); the message names the entry (its 0-based index across all
 * configured values), the input that was wrong and what was expected, e.g.
 * {@code device_spec entry 1: property bus ('1g') does not parse as a hex number}.
 */
public final class DeviceSpecException extends RuntimeException {

    /** What is wrong with the spec. Each code is part of the explain command's output contract. */
    public enum Kind {
        /** A configured value is not JSON. */
        INVALID_JSON,
        /** A configured value is JSON but neither an object nor a list. */
        NOT_OBJECT_OR_LIST,
        /** An element of a list value is not an object. */
        NOT_AN_OBJECT,
        /** vendor_id, product_id or an address field is not a hex number. */
        INVALID_HEX,
        /** vendor_id, product_id or an address field is greater than its maximum. */
        VALUE_OUT_OF_RANGE,
        /** An address glob has more than three {@code :}-separated parts (domain:bus:slot). */
        TOO_MANY_ADDRESS_PARTS,
        /** {@code address} is neither a glob string nor an object of regular expressions. */
        INVALID_ADDRESS,
        /** A regular expression of an address object does not compile. */
        INVALID_REGEX,
        /** {@code devname} and {@code address} are both given. */
        DEVNAME_WITH_ADDRESS,
        /** {@code devname} is not a string. */
        INVALID_DEVNAME,
        /** {@code name} (the PCI group) is not a valid group name. */
        INVALID_GROUP_NAME,
        /** {@code remote_managed} is true but {@code devname} names no interface of this host. */
        REMOTE_MANAGED_NOT_PRESENT,
        /** {@code remote_managed} is true for an entry that matches a physical function itself. */
        REMOTE_MANAGED_PF,
        /** {@code remote_managed} is true, the address is a PF, but the ids are not those of its VFs. */
        REMOTE_MANAGED_VF_MISMATCH;

        /** The lower-case code, e.g. {@code invalid_hex}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Kind kind;
    private final String reason;
    private final Integer entry;

    public DeviceSpecException(final Kind kind, final String reason) {
        this(kind, reason, null);
    }

    private DeviceSpecException(final Kind kind, final String reason, final Integer entry) {
        super(entry == null ? reason : "device_spec entry " + entry + ": " + reason);
        this.kind = kind;
        this.reason = reason;
        this.entry = entry;
    }

    /** The same error, attributed to the entry at {@code index}; its message names the entry. */
    DeviceSpecException atEntry(final int index) {
        return new DeviceSpecException(kind, reason, index);
    }

    public Kind kind() {
        return kind;
    }

    /** The 0-based index of the offending entry, empty when the error is in a value as a whole. */
    public OptionalInt entry() {
        return entry == null ? OptionalInt.empty() : OptionalInt.of(entry);
    }

    /** What is wrong, without the entry prefix. */
    public String reason() {
        return reason;
    }
}
