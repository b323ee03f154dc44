package io.pciledger.agent.node;

import io.pciledger.agent.spec.PciConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's PCI configuration file, read again when it changes. An operator edits the device spec
 * and the agent picks it up at its next rescan (or at once on SIGHUP). A new file that is invalid is
 * refused loudly and the previous, valid configuration stays in force: the agent never publishes
 * with a half-understood spec.
 */
public final class ReloadingPciConfig {

    private static final Logger LOG = LoggerFactory.getLogger(ReloadingPciConfig.class);

    private final Path file;
    private PciConfig current;
    private FileTime loadedModified;
    private long loadedSize;
    private byte[] loadedContent;
    private long generation;

    private ReloadingPciConfig(final Path file, final PciConfig initial, final byte[] content,
                               final FileTime modified, final long size) {
        this.file = file;
        this.current = initial;
        this.loadedContent = content;
        this.loadedModified = modified;
        this.loadedSize = size;
    }

    /**
     * Reads the file for the first time.
     *
     * @throws IOException      when it cannot be read
     * @throws RuntimeException (DeviceSpecException, AliasException, ConfigFileException) when it is invalid
     */
    public static ReloadingPciConfig open(final Path file) throws IOException {
        final FileTime modified = Files.getLastModifiedTime(file);
        final long size = Files.size(file);
        final byte[] content = Files.readAllBytes(file);
        return new ReloadingPciConfig(file, PciConfig.load(file), content, modified, size);
    }

    /** The configuration in force, after reading the file again if it changed since it was last read. */
    public synchronized PciConfig current() {
        reloadIfChanged(false);
        return current;
    }

    /**
     * The configuration in force, without looking at the file: for the parts of one rescan that
     * follow the {@link #current()} its {@link HostAgent} did at the start.
     */
    public synchronized PciConfig inForce() {
        return current;
    }

    /** Reads the file again even if it looks unchanged (SIGHUP). */
    public synchronized void reloadNow() {
        reloadIfChanged(true);
    }

    /** Counts the accepted reloads: it changes exactly when a new configuration took effect. */
    public synchronized long generation() {
        return generation;
    }

    public Path file() {
        return file;
    }

    private void reloadIfChanged(final boolean force) {
        final FileTime modified;
        final long size;
        try {
            modified = Files.getLastModifiedTime(file);
            size = Files.size(file);
        } catch (IOException e) {
            LOG.error("PCI config {} cannot be read ({}); keeping the configuration in force", file, e.toString());
            return;
        }
        if (!force && modified.equals(loadedModified) && size == loadedSize) {
            return;
        }
        loadedModified = modified;
        loadedSize = size;
        try {
            final byte[] content = Files.readAllBytes(file);
            if (Arrays.equals(content, loadedContent)) {
                return;
            }
            final PciConfig reloaded = PciConfig.load(file);
            loadedContent = content;
            current = reloaded;
            generation++;
            LOG.info("PCI config {} reloaded: {} device spec entries", file, reloaded.deviceSpecs().specs().size());
        } catch (IOException | RuntimeException e) {
            LOG.error("PCI config {} was changed but is INVALID, keeping the previous configuration: {}",
                    file, e.getMessage());
        }
    }
}
