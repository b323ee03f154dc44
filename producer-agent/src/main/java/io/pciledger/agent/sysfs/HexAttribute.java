package io.pciledger.agent.sysfs;

import java.util.Locale;

/**
 * A sysfs attribute holding a hexadecimal identifier, such as {@code vendor} ({@code 0x8086}) or
 * {@code class} ({@code 0x020000}), normalised to the form the ledger stores: fixed-width lower-case
 * hex without the {@code 0x} prefix ({@code 8086}, {@code 020000}).
 */
enum HexAttribute {
    /** A vendor or product id: 4 hex digits. */
    ID(4, "0x8086"),
    /** A PCI class code (base class, sub-class, programming interface): 6 hex digits. */
    CLASS_CODE(6, "0x020000");

    private final int digits;
    private final String example;

    HexAttribute(final int digits, final String example) {
        this.digits = digits;
        this.example = example;
    }

    /**
     * Normalises the text of an attribute file, e.g. {@code "0x8086\n"} to {@code 8086}; surrounding
     * white space and an optional {@code 0x} are ignored.
     *
     * @throws IllegalArgumentException naming the content when it is not such a hex number
     */
    String normalise(final String content) {
        final String trimmed = content.strip();
        final String hex = trimmed.startsWith("0x") || trimmed.startsWith("0X") ? trimmed.substring(2) : trimmed;
        if (hex.isEmpty() || hex.length() > digits || !isAsciiHex(hex)) {
            throw new IllegalArgumentException("holds '" + trimmed + "', expected a hex number of at most "
                    + digits + " digits such as " + example);
        }
        return "0".repeat(digits - hex.length()) + hex.toLowerCase(Locale.ROOT);
    }

    private static boolean isAsciiHex(final String text) {
        for (int i = 0; i < text.length(); i++) {
            final char c = text.charAt(i);
            final boolean hexDigit = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hexDigit) {
                return false;
            }
        }
        return true;
    }
}
