package io.pciledger.ledger.interop;

import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

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

    /**
     * The decoder of the repository this module is in, its packages installed. Aborts the calling test (a skip,
     * with the reason) when {@code node} or {@code npm} is not installed.
     */
    static NodeRecordDecoder installed() throws IOException, InterruptedException {
        requireCommand("node");
        requireCommand("npm");
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
     * Runs {@code decode-records.js} on {@code records} (one {@code KEY<TAB>HEX} line per record), resolving each to
     * the current schemas.
     *
     * @return its standard output: one JSON object per line
     * @throws AssertionError with its standard error when it exits with anything but 0
     */
    String decode(final Path records) throws IOException, InterruptedException {
        return run(DECODE_TIMEOUT, "node", interop.resolve("decode-records.js").toString(),
                "--schema-history", repository.resolve("schemas/src/main/resources/schema-history").toString(),
                "--reader-schemas", repository.resolve("schemas/src/main/avro").toString(),
                records.toString());
    }

    private void installPackagesIfNeeded() throws IOException, InterruptedException {
        final Path installedLock = interop.resolve("node_modules/.package-lock.json");
        final Path lock = interop.resolve("package-lock.json");
        if (Files.exists(installedLock)
                && !Files.getLastModifiedTime(installedLock).toInstant()
                        .isBefore(Files.getLastModifiedTime(lock).toInstant())) {
            return;
        }
        run(INSTALL_TIMEOUT, "npm", "ci", "--prefer-offline", "--no-audit", "--no-fund");
    }

    private String run(final Duration timeout, final String... command) throws IOException, InterruptedException {
        final Path stdout = Files.createTempFile("interop-stdout", ".txt");
        final Path stderr = Files.createTempFile("interop-stderr", ".txt");
        try {
            final Process process = new ProcessBuilder(command).directory(interop.toFile())
                    .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
            process.getOutputStream().close();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout);
            }
            if (process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", command) + " exited with " + process.exitValue() + ":\n"
                        + Files.readString(stderr, StandardCharsets.UTF_8));
            }
            return Files.readString(stdout, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static void requireCommand(final String command) throws InterruptedException {
        try {
            final Process process = new ProcessBuilder(command, "--version")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0) {
                return;
            }
            process.destroyForcibly();
        } catch (IOException notInstalled) {
            // reported below
        }
        abort("'" + command + "' is not installed (or does not answer '" + command + " --version'): the check that"
                + " a non-Java Avro reader decodes what the ledger writes needs Node.js and npm");
    }
}
