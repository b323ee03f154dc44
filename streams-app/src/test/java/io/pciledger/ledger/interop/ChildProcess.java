package io.pciledger.ledger.interop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a program the test does not own (node, npm, kcat) to its end, with a time limit. */
final class ChildProcess {

    private ChildProcess() {
    }

    /** Whether {@code versionCommand} (e.g. {@code node --version}) runs and exits 0: whether its program is installed. */
    static boolean isInstalled(final String... versionCommand) throws InterruptedException {
        try {
            final Process process = new ProcessBuilder(versionCommand)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (process.waitFor(30, TimeUnit.SECONDS)) {
                return process.exitValue() == 0;
            }
            process.destroyForcibly().waitFor();
            return false;
        } catch (IOException notInstalled) {
            return false;
        }
    }

    /**
     * @return what the program wrote to its standard output
     * @throws AssertionError with its standard error when it exits with anything but 0 or is not done in time
     */
    static byte[] run(final Path directory, final Duration timeout, final List<String> command)
            throws IOException, InterruptedException {
        final Path stdout = Files.createTempFile("child-stdout", ".bin");
        final Path stderr = Files.createTempFile("child-stderr", ".txt");
        try {
            final Process process = new ProcessBuilder(command).directory(directory.toFile())
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
            return Files.readAllBytes(stdout);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }
}
