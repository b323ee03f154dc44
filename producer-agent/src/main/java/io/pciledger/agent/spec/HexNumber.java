package io.pciledger.agent.spec;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A hex number as Nova reads one in a device spec ({@code vendor_id}, {@code product_id} and each
 * address field): Python's {@code int(text, 16)}, then checked against the field's maximum.
 *
 * <p>So {@code "8086"}, {@code "0x8086"}, {@code " 8086 "} and {@code "80_86"} are all 0x8086, and the
 * caller prints the value back zero-padded in lower case ({@code "%04x"}), which is how it compares to
 * what discovery reports. Python would also take a sign; a negative id can never match a device, so a
 * sign is rejected here as not being a hex number.
 */
final class HexNumber {

    private static final Pattern PYTHON_HEX =
            Pattern.compile("(?:0[xX])?_?[0-9a-fA-F]+(?:_[0-9a-fA-F]+)*");

    private HexNumber() {
    }

    /**
     * @param property the spec property, named in errors as Nova names it ({@code vendor_id}, {@code func}, ...)
     * @param text     the configured text
     * @param max      the largest value allowed
     * @throws DeviceSpecException {@code invalid_hex} or {@code value_out_of_range}, naming the property and text
     */
    static int parse(final String property, final String text, final int max) {
        return parse(property, text, max, "");
    }

    /** As {@link #parse(String, String, int)}, for a field of the address glob {@code address}. */
    static int parseAddressField(final String property, final String text, final int max, final String address) {
        return parse(property, text, max, " in address '" + address + "'");
    }

    private static int parse(final String property, final String text, final int max, final String where) {
        final String trimmed = text.strip();
        if (!PYTHON_HEX.matcher(trimmed).matches() || trimmed.startsWith("_")) {
            throw new DeviceSpecException(DeviceSpecException.Kind.INVALID_HEX,
                    "property " + property + " ('" + text + "')" + where
                            + " does not parse as a hex number; expected hex digits such as " + example(max));
        }
        final String digits = trimmed.replaceFirst("^0[xX]", "").replace("_", "");
        final BigInteger value = new BigInteger(digits, 16);
        if (value.compareTo(BigInteger.valueOf(max)) > 0) {
            throw new DeviceSpecException(DeviceSpecException.Kind.VALUE_OUT_OF_RANGE,
                    "property " + property + " (" + text + ")" + where
                            + " is greater than the maximum allowable value ("
                            + Integer.toHexString(max).toUpperCase(Locale.ROOT) + ")");
        }
        return value.intValue();
    }

    private static String example(final int max) {
        return max == 0xFFFF ? "'8086'" : "'" + Integer.toHexString(max) + "'";
    }
}
