package io.pciledger.agent.sysfs;

import java.nio.file.Path;

/**
 * The sysfs root the agent was pointed at cannot be scanned at all: it does not exist, it has no
 * {@code bus/pci/devices} directory, or that directory cannot be listed.
 *
 * <p>This is a configuration or host problem, not a device problem, and the agent must not report
 * an empty host in its place: an empty scan would read as "every device was removed".
 */
public final class SysfsUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Path root;

    public SysfsUnavailableException(final Path root, final String message) {
        super(message);
        this.root = root;
    }

    public SysfsUnavailableException(final Path root, final String message, final Throwable cause) {
        super(message, cause);
        this.root = root;
    }

    /** The sysfs root that was configured, e.g. {@code /sys}. */
    public Path root() {
        return root;
    }
}
