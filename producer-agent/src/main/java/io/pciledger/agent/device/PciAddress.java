package io.pciledger.agent.device;

import java.util.Comparator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The address of one PCI function, {@code dddd:bb:ss.f}: domain, bus, slot and function.
 *
 * <p>Always printed in the canonical form the ledger uses as part of a device's identity: lower-case
 * hex, zero-padded ({@code 0000:3b:00.1}).
 */
public record PciAddress(int domain, int bus, int slot, int function) implements Comparable<PciAddress> {

    public static final int MAX_DOMAIN = 0xFFFF;
    public static final int MAX_BUS = 0xFF;
    public static final int MAX_SLOT = 0x1F;
    public static final int MAX_FUNCTION = 0x7;

    private static final Comparator<PciAddress> ORDER = Comparator.comparingInt(PciAddress::domain)
            .thenComparingInt(PciAddress::bus)
            .thenComparingInt(PciAddress::slot)
            .thenComparingInt(PciAddress::function);

    private static final Pattern CANONICAL =
            Pattern.compile("([0-9a-fA-F]{4}):([0-9a-fA-F]{2}):([0-9a-fA-F]{2})\\.([0-7])");

    public PciAddress {
        checkRange("domain", domain, MAX_DOMAIN);
        checkRange("bus", bus, MAX_BUS);
        checkRange("slot", slot, MAX_SLOT);
        checkRange("function", function, MAX_FUNCTION);
    }

    /**
     * Parses a full address such as {@code 0000:3b:00.1} (case-insensitive).
     *
     * @throws IllegalArgumentException naming the text when it is not a full PCI address
     */
    public static PciAddress parse(final String text) {
        final Matcher matcher = CANONICAL.matcher(text == null ? "" : text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a PCI address of the form dddd:bb:ss.f (hex, e.g. 0000:3b:00.1)");
        }
        return new PciAddress(
                Integer.parseInt(matcher.group(1), 16),
                Integer.parseInt(matcher.group(2), 16),
                Integer.parseInt(matcher.group(3), 16),
                Integer.parseInt(matcher.group(4), 16));
    }

    /** The domain as 4 lower-case hex digits, as address matchers compare it. */
    public String domainHex() {
        return String.format(Locale.ROOT, "%04x", domain);
    }

    public String busHex() {
        return String.format(Locale.ROOT, "%02x", bus);
    }

    public String slotHex() {
        return String.format(Locale.ROOT, "%02x", slot);
    }

    public String functionHex() {
        return Integer.toHexString(function);
    }

    @Override
    public String toString() {
        return domainHex() + ":" + busHex() + ":" + slotHex() + "." + functionHex();
    }

    /**
     * Orders by domain, bus, slot, then function: the same order as the canonical text, without
     * formatting it (sorting a host's thousands of functions compares addresses often).
     */
    @Override
    public int compareTo(final PciAddress other) {
        return ORDER.compare(this, other);
    }

    private static void checkRange(final String part, final int value, final int max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(
                    "PCI address " + part + " " + value + " is out of range 0.." + Integer.toHexString(max) + " (hex)");
        }
    }
}
