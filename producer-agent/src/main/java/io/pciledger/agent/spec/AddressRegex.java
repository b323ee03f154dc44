package io.pciledger.agent.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.pciledger.agent.device.PciAddress;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * An {@code address} written as an object of regular expressions, one per field:
 *
 * <pre>
 *   "address": {"domain": ".*", "bus": "02", "slot": "0[1-2]", "function": "[2-7]"}
 * </pre>
 *
 * <p>Each expression is matched against the device's canonical field text (domain {@code 0000}, bus
 * {@code 0a}, slot {@code 00}, function {@code 5}) the way Python's {@code re.match} does: anchored at
 * the start only and case-sensitive. So function {@code "0"} matches {@code 0}; bus {@code "a"} does not
 * match {@code 0a}, and bus {@code "0"} matches every bus from {@code 00} to {@code 0f}. A missing key
 * matches anything; keys other than the four fields are ignored, as in Nova.
 *
 * <p>Expressions are compiled by {@link java.util.regex.Pattern}; the common syntax (classes, ranges,
 * alternation, repetition) is the same as Python's, Python-only syntax such as {@code (?P<name>...)} is
 * reported as {@code invalid_regex}.
 */
public final class AddressRegex implements AddressPattern {

    private static final String ANY = ".*";
    private static final Pattern HEX_DIGITS = Pattern.compile("[0-9a-fA-F]*");

    private final String domain;
    private final String bus;
    private final String slot;
    private final String function;
    private final Pattern domainPattern;
    private final Pattern busPattern;
    private final Pattern slotPattern;
    private final Pattern functionPattern;

    private AddressRegex(final String domain, final String bus, final String slot, final String function) {
        this.domain = domain;
        this.bus = bus;
        this.slot = slot;
        this.function = function;
        this.domainPattern = compile("domain", domain);
        this.busPattern = compile("bus", bus);
        this.slotPattern = compile("slot", slot);
        this.functionPattern = compile("function", function);
    }

    /**
     * @param address a JSON object with optional string keys {@code domain}, {@code bus}, {@code slot}, {@code function}
     * @throws DeviceSpecException {@code invalid_address} when a field is not a string,
     *         {@code invalid_regex} when one does not compile
     */
    static AddressRegex fromJson(final JsonNode address) {
        return new AddressRegex(
                field(address, "domain"), field(address, "bus"), field(address, "slot"), field(address, "function"));
    }

    /** Regular expressions for the four fields, {@code null} for "any". */
    public static AddressRegex of(final String domain, final String bus, final String slot, final String function) {
        return new AddressRegex(orAny(domain), orAny(bus), orAny(slot), orAny(function));
    }

    @Override
    public boolean matches(final PciAddress address) {
        return domainPattern.matcher(address.domainHex()).lookingAt()
                && busPattern.matcher(address.busHex()).lookingAt()
                && slotPattern.matcher(address.slotHex()).lookingAt()
                && functionPattern.matcher(address.functionHex()).lookingAt();
    }

    /**
     * Nova treats expressions made only of hex digits as naming one address, and looks that address up
     * on the host literally: only the canonical spelling ({@code "0000"}, {@code "0a"}, {@code "00"},
     * {@code "0"}) names a device.
     */
    @Override
    public Optional<PciAddress> singleAddress() {
        if (!(hexDigits(domain) && hexDigits(bus) && hexDigits(slot) && hexDigits(function))) {
            return Optional.empty();
        }
        final String literal = domain + ":" + bus + ":" + slot + "." + function;
        try {
            final PciAddress address = PciAddress.parse(literal);
            return address.toString().equals(literal) ? Optional.of(address) : Optional.empty();
        } catch (final IllegalArgumentException notAnAddress) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "{domain: " + domain + ", bus: " + bus + ", slot: " + slot + ", function: " + function + "}";
    }

    private static String field(final JsonNode address, final String name) {
        final JsonNode value = address.get(name);
        if (value == null) {
            return ANY;
        }
        if (!value.isTextual()) {
            throw new DeviceSpecException(DeviceSpecException.Kind.INVALID_ADDRESS,
                    "address " + name + " " + value + " is not a string; expected a regular expression"
                            + " such as \"0[1-2]\"");
        }
        return value.textValue();
    }

    private static String orAny(final String regex) {
        return regex == null ? ANY : regex;
    }

    private static boolean hexDigits(final String text) {
        return HEX_DIGITS.matcher(text).matches();
    }

    private static Pattern compile(final String name, final String regex) {
        try {
            return Pattern.compile(regex);
        } catch (final PatternSyntaxException e) {
            throw new DeviceSpecException(DeviceSpecException.Kind.INVALID_REGEX,
                    "address " + name + " regular expression '" + regex + "' does not compile ("
                            + e.getDescription() + " near index " + e.getIndex() + ")");
        }
    }
}
