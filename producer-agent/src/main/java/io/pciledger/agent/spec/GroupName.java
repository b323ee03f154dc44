package io.pciledger.agent.spec;

import java.util.regex.Pattern;

/**
 * The rule for a PCI group name, the {@code name} key of a device spec entry: 1 to 64 characters,
 * each a letter, a digit, {@code .}, {@code _} or {@code -} (e.g. {@code gpu-a100}, {@code physnet1.vf}).
 * Group names appear in topic keys, URLs and flavor aliases, so nothing else is allowed.
 */
public final class GroupName {

    public static final int MAX_LENGTH = 64;

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");

    private GroupName() {
    }

    public static boolean isValid(final String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /** What a valid name looks like, for error messages. */
    public static String rule() {
        return "1 to " + MAX_LENGTH + " letters, digits, '.', '_' or '-' (e.g. \"gpu-a100\")";
    }
}
