package io.pciledger.ledger.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The repository's non-Java reader, {@code interop/decode-records.js} (Node.js with npm's {@code avsc}), run as a
 * child process. Its packages are installed with {@code npm ci} into {@code interop/node_modules} the first time,
 * and again only when {@code package-lock.json} changed since.
 */
final class NodeRecordDecoder {

    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration DECODE_TIMEOUT = Duration.ofSeconds(30);

    private final Path interop;
    private final Path repository;

    private NodeRecordDecoder(final Path repository) {
        this.repository = repository;
        this.interop = repository.resolve("interop");
    }

    /** Whether {@code node} and {@code npm} are installed, so that the decoder can run. */
    static boolean canRun() throws InterruptedException {
        return ChildProcess.isInstalled("node", "--version") && ChildProcess.isInstalled("npm", "--version");
    }

    /**
     * The decoder of the repository this module is in, its packages installed.
     *
     * @throws IllegalStateException when it {@link #canRun() cannot run} or is not found
     */
    static NodeRecordDecoder installed() throws IOException, InterruptedException {
        if (!canRun()) {
            throw new IllegalStateException("node or npm is not installed (or does not answer --version)");
        }
        final Path repository = Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
        final NodeRecordDecoder decoder = new NodeRecordDecoder(repository);
        if (!Files.isRegularFile(decoder.interop.resolve("package-lock.json"))) {
            throw new IllegalStateException("no interop/package-lock.json under " + repository
                    + ": the test must run from a module folder of the repository");
        }
        decoder.installPackagesIfNeeded();
        return decoder;
    }

    /**
     * Runs {@code decode-records.js} on {@code records}, resolving each to the current schemas.
     *
     * @param records one {@code KEY<TAB>HEX} line per record, or with {@code --kcat} in {@code options} what kcat
     *                printed
     * @return its standard output: one JSON object per line
     * @throws AssertionError with its standard error when it exits with anything but 0
     */
    String decode(final Path records, final String... options) throws IOException, InterruptedException {
        final List<String> command = new ArrayList<>(List.of("node", interop.resolve("decode-records.js").toString(),
                "--schema-history", repository.resolve("schemas/src/main/resources/schema-history").toString(),
                "--reader-schemas", repository.resolve("schemas/src/main/avro").toString()));
        command.addAll(List.of(options));
        command.add(records.toString());
        return new String(ChildProcess.run(interop, DECODE_TIMEOUT, command), StandardCharsets.UTF_8);
    }

    private void installPackagesIfNeeded() throws IOException, InterruptedException {
        final Path installedLock = interop.resolve("node_modules/.package-lock.json");
        final Path lock = interop.resolve("package-lock.json");
        if (Files.exists(installedLock)
                && !Files.getLastModifiedTime(installedLock).toInstant()
                        .isBefore(Files.getLastModifiedTime(lock).toInstant())) {
            return;
        }
        ChildProcess.run(interop, INSTALL_TIMEOUT, List.of("npm", "ci", "--prefer-offline", "--no-audit", "--no-fund"));
    }
}
