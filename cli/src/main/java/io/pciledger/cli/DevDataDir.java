package io.pciledger.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The folder where {@code pci-ledger dev} keeps its data between runs. A marker file says it is
 * ours, so {@code --fresh} never deletes a folder that some other program owns.
 */
final class DevDataDir {

    static final String MARKER = ".pci-ledger-data";

    private final Path root;

    private DevDataDir(final Path root) {
        this.root = root;
    }

    /**
     * @throws ParameterException (exit code 2) when the folder exists, is not empty and is not ours
     */
    static DevDataDir open(final Path root, final boolean fresh, final CommandLine commandLine) {
        try {
            if (Files.exists(root) && !isEmpty(root) && !Files.exists(root.resolve(MARKER))) {
                throw new ParameterException(commandLine, "--data-dir " + root
                        + " exists and is not a PCI Ledger data folder (no " + MARKER + " file): choose another folder");
            }
            if (fresh && Files.exists(root)) {
                deleteRecursively(root);
            }
            Files.createDirectories(root);
            if (!Files.exists(root.resolve(MARKER))) {
                Files.writeString(root.resolve(MARKER), "data of pci-ledger dev; safe to delete when it is not running\n");
            }
            return new DevDataDir(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare --data-dir " + root + ": " + e.getMessage(), e);
        }
    }

    Path root() {
        return root;
    }

    Path kafkaDir() {
        return root.resolve("kafka");
    }

    private static boolean isEmpty(final Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void deleteRecursively(final Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
