package io.pciledger.agent.spec;

import io.pciledger.agent.device.PciAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An {@code address} written as a glob string: {@code [[[[domain]:]bus]:][slot][.[function]]}.
 *
 * <p>How Nova reads it, and so how it is read here:
 * <ul>
 *   <li>The text is split at its first {@code .}: left of it the {@code domain:bus:slot} part, right of
 *       it the function.</li>
 *   <li>The {@code :}-separated parts (at most three) are aligned to the right: {@code "0a:00"} is bus
 *       {@code 0a}, slot {@code 00}, any domain.</li>
 *   <li>A part that is missing, empty or blank, and a part that is exactly {@code *}, matches anything.
 *       There is no partial wildcard: {@code "0*"} is an error.</li>
 *   <li>Every other part is a hex number ({@link HexNumber}) no greater than the field's maximum
 *       (domain {@code ffff}, bus {@code ff}, slot {@code 1f}, function {@code 7}), compared
 *       zero-padded, so {@code "0:a:0.1"} is {@code 0000:0a:00.1}.</li>
 * </ul>
 *
 * <pre>
 *   "0000:0a:00.1"   exactly that function
 *   ":0a:00.1"       function 1 of bus 0a slot 00 in any domain
 *   "0a:00.*"        every function of bus 0a slot 00
 *   ".1"             function 1 of every device
 *   "*:*:*.*", ""    everything
 * </pre>
 */
public final class AddressGlob implements AddressPattern {

    /** The glob that matches every address: what an entry without {@code address} uses. */
    public static final AddressGlob ANY = new AddressGlob(null, null, null, null);

    private static final String WILDCARD = "*";

    private final Integer domain;
    private final Integer bus;
    private final Integer slot;
    private final Integer function;

    private AddressGlob(final Integer domain, final Integer bus, final Integer slot, final Integer function) {
        this.domain = domain;
        this.bus = bus;
        this.slot = slot;
        this.function = function;
    }

    /**
     * @throws DeviceSpecException {@code too_many_address_parts}, {@code invalid_hex} or
     *         {@code value_out_of_range}, naming the address and the field
     */
    public static AddressGlob parse(final String glob) {
        final int dot = glob.indexOf('.');
        final String domainBusSlot = dot < 0 ? glob : glob.substring(0, dot);
        final String functionText = dot < 0 ? "" : glob.substring(dot + 1);

        // Nova checks the function first, then the number of parts, then domain, bus and slot.
        final Integer function = functionText.isEmpty()
                ? null
                : field("func", functionText.strip(), PciAddress.MAX_FUNCTION, glob);
        if (domainBusSlot.isEmpty()) {
            return new AddressGlob(null, null, null, function);
        }
        final List<String> parts = new ArrayList<>(Arrays.asList(domainBusSlot.split(":", -1)));
        if (parts.size() > 3) {
            throw new DeviceSpecException(DeviceSpecException.Kind.TOO_MANY_ADDRESS_PARTS,
                    "address '" + glob + "' has " + parts.size() + " ':'-separated parts before the '.';"
                            + " expected at most 3 (domain:bus:slot)");
        }
        while (parts.size() < 3) {
            parts.add(0, WILDCARD);
        }
        final Integer domain = field("domain", blankIsAny(parts.get(0)), PciAddress.MAX_DOMAIN, glob);
        final Integer bus = field("bus", blankIsAny(parts.get(1)), PciAddress.MAX_BUS, glob);
        final Integer slot = field("slot", blankIsAny(parts.get(2)), PciAddress.MAX_SLOT, glob);
        return new AddressGlob(domain, bus, slot, function);
    }

    /** The glob that matches exactly {@code address}. */
    public static AddressGlob of(final PciAddress address) {
        return new AddressGlob(address.domain(), address.bus(), address.slot(), address.function());
    }

    @Override
    public boolean matches(final PciAddress address) {
        return (domain == null || domain == address.domain())
                && (bus == null || bus == address.bus())
                && (slot == null || slot == address.slot())
                && (function == null || function == address.function());
    }

    @Override
    public Optional<PciAddress> singleAddress() {
        if (domain == null || bus == null || slot == null || function == null) {
            return Optional.empty();
        }
        return Optional.of(new PciAddress(domain, bus, slot, function));
    }

    /** The normalised glob, e.g. {@code *:0a:00.*}. */
    @Override
    public String toString() {
        return hex(domain, "%04x") + ":" + hex(bus, "%02x") + ":" + hex(slot, "%02x") + "." + hex(function, "%x");
    }

    private static String blankIsAny(final String part) {
        final String stripped = part.strip();
        return stripped.isEmpty() ? WILDCARD : stripped;
    }

    private static Integer field(final String property, final String text, final int max, final String glob) {
        return WILDCARD.equals(text) ? null : HexNumber.parseAddressField(property, text, max, glob);
    }

    private static String hex(final Integer value, final String format) {
        return value == null ? WILDCARD : String.format(Locale.ROOT, format, value);
    }
}
