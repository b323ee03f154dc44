package io.pciledger.agent.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.pciledger.agent.device.PciAddress;
import java.util.Optional;

/**
 * The {@code address} of a device spec entry: which PCI addresses the entry covers. It is written
 * either as a glob string ({@link AddressGlob}, e.g. {@code "*:0a:00.*"}) or as an object of regular
 * expressions per field ({@link AddressRegex}, e.g. {@code {"bus": "0[23]", "function": "[0-3]"}}).
 */
public sealed interface AddressPattern permits AddressGlob, AddressRegex {

    /** Whether a device at {@code address} is covered. */
    boolean matches(PciAddress address);

    /**
     * The one address this pattern names, when it names exactly one (a glob without wildcards, or
     * regular expressions that are literally the canonical fields of one address). Only then can the
     * entry stand for a physical function and its VFs.
     */
    Optional<PciAddress> singleAddress();

    /**
     * Reads the JSON value of {@code address} as Nova does: a string is a glob, an object holds regular
     * expressions, and a value Python treats as false ({@code null}, {@code ""}, {@code {}}, {@code []},
     * {@code 0}, {@code false}) means any address.
     *
     * @throws DeviceSpecException {@code invalid_address} for any other value, or the glob's or regex's own errors
     */
    static AddressPattern fromJson(final JsonNode address) {
        if (address == null || isPythonFalse(address)) {
            return AddressGlob.ANY;
        }
        if (address.isTextual()) {
            return AddressGlob.parse(address.textValue());
        }
        if (address.isObject()) {
            return AddressRegex.fromJson(address);
        }
        throw new DeviceSpecException(DeviceSpecException.Kind.INVALID_ADDRESS,
                "address " + address + " is neither a glob string such as \"0000:0a:00.*\" nor an object of"
                        + " regular expressions such as {\"bus\": \"0a\", \"function\": \"[0-3]\"}");
    }

    /** Whether Python's {@code bool()} of this JSON value is false. */
    static boolean isPythonFalse(final JsonNode value) {
        if (value.isNull() || value.isMissingNode()) {
            return true;
        }
        if (value.isTextual()) {
            return value.textValue().isEmpty();
        }
        if (value.isContainerNode()) {
            return value.isEmpty();
        }
        if (value.isBoolean()) {
            return !value.booleanValue();
        }
        return value.isNumber() && value.doubleValue() == 0.0;
    }
}
