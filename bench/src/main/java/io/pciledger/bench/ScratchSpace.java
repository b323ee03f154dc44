package io.pciledger.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where benchmarks write generated sysfs trees: memory-backed {@code /dev/shm} when the machine has
 * it, so that the disk does not dominate what is measured (a real sysfs lives in memory too).
 */
final class ScratchSpace {

    private ScratchSpace() {
    }

    static Path create(final String purpose) {
        try {
            final Path shm = Path.of("/dev/shm");
            return Files.isDirectory(shm) && Files.isWritable(shm)
                    ? Files.createTempDirectory(shm, "pci-ledger-bench-" + purpose)
                    : Files.createTempDirectory("pci-ledger-bench-" + purpose);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create scratch space for " + purpose, e);
        }
    }
}
