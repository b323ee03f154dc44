package io.pciledger.agent.spec;

import java.util.OptionalInt;

/**
 * A configuration file (nova.conf or the agent's JSON file) cannot be read as such: a line that is
 * not INI syntax, JSON that does not parse, a key the file does not have. The message starts with the
 * file (and line, when there is one), e.g. {@code /etc/nova/nova.conf:12: Unexpected continuation line}.
 * What the file says about devices is checked after, by {@link DeviceSpecException} and
 * {@link AliasException}.
 */
public final class ConfigFileException extends RuntimeException {

    private final String file;
    private final Integer line;

    public ConfigFileException(final String file, final int line, final String message) {
        super(file + ":" + line + ": " + message);
        this.file = file;
        this.line = line;
    }

    public ConfigFileException(final String file, final String message) {
        super(file + ": " + message);
        this.file = file;
        this.line = null;
    }

    /** The file, as it was named to the reader. */
    public String file() {
        return file;
    }

    /** The 1-based line, when the error is on one. */
    public OptionalInt line() {
        return line == null ? OptionalInt.empty() : OptionalInt.of(line);
    }
}
