package io.pciledger.agent.sysfs;

import java.nio.file.Path;
import java.util.Objects;

/**
 * An entry of {@code bus/pci/devices} that a scan left out, and why: e.g.
 * {@code /sys/bus/pci/devices/0000:3b:00.0} because its vendor file holds {@code 'zz'}.
 *
 * <p>A skipped entry is not a removed device: the function may well still be there, the agent just
 * could not read it this time.
 *
 * @param path   the entry under {@code bus/pci/devices}
 * @param reason what was wrong with it, naming the file concerned
 */
public record SkippedEntry(Path path, String reason) {

    public SkippedEntry {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return path + ": " + reason;
    }
}
