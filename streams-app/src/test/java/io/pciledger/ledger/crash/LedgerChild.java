package io.pciledger.ledger.crash;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The ledger in a child JVM ({@link LedgerChildMain}) on this JVM's class path, to be started, killed with
 * {@code SIGKILL} and started again, each time with the same configuration (so the same state directory).
 *
 * <p>Every run's output is appended to one log file, so that a failed test can be understood. The child's standard input is a pipe nobody writes to: if this JVM dies, the pipe closes and the
 * child halts, so no ledger outlives a broken test run.
 */
final class LedgerChild implements AutoCloseable {

    private final Path configFile;
    private final Path classPathFile;
    private final Path log;
    private volatile Process process;
    private volatile String state;

    private LedgerChild(final Path workDir, final Path log) {
        this.configFile = workDir.resolve("ledger.properties");
        this.classPathFile = workDir.resolve("classpath.args");
        this.log = log;
    }

    /**
     * A ledger configured by {@code config} (keys of {@code LedgerConfig}), not started yet; its files are written
     * to {@code workDir}, the output of its JVMs appended to {@code log}.
     */
    static LedgerChild configuredBy(final Properties config, final Path workDir, final Path log) {
        final LedgerChild child = new LedgerChild(workDir, log);
        try {
            Files.createDirectories(log.getParent());
        } catch (final IOException e) {
            throw new UncheckedIOException("could not create the directory of " + log, e);
        }
        try (Writer writer = Files.newBufferedWriter(child.configFile, StandardCharsets.UTF_8)) {
            config.store(writer, "the ledger under test");
            // In an argument file: a long class path would exceed the operating system's limit on one argument.
            Files.writeString(child.classPathFile, "-cp \"" + System.getProperty("java.class.path")
                    .replace("\\", "\\\\").replace("\"", "\\\"") + "\"", StandardCharsets.UTF_8);
        } catch (final IOException e) {
            throw new UncheckedIOException("could not write the ledger's configuration to " + workDir, e);
        }
        return child;
    }

    /** Starts a new child JVM; the previous one must be gone. */
    void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the ledger's child JVM " + process.pid() + " is still running");
        }
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        try {
            state = "STARTING";
            process = new ProcessBuilder(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "@" + classPathFile,
                    LedgerChildMain.class.getName(), configFile.toString()))
                    .redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
        } catch (final IOException e) {
            throw new UncheckedIOException("could not start the ledger's child JVM with " + java, e);
        }
        final Process started = process;
        final Thread copier = new Thread(() -> copyOutput(started), "ledger-child-" + started.pid() + "-output");
        copier.setDaemon(true);
        copier.start();
    }

    /** Waits until the ledger reports RUNNING; fails at once if its JVM exits. */
    void awaitRunning(final Duration timeout) {
        final Process running = process;
        await().atMost(timeout).alias("ledger child " + running.pid() + " running").until(() -> {
            if (!running.isAlive()) {
                throw new AssertionError("the ledger's child JVM " + running.pid() + " exited with "
                        + running.exitValue() + " in state " + state + "; see " + log());
            }
            return "RUNNING".equals(state);
        });
    }

    /** Kills the child JVM with {@code SIGKILL}, as {@code kill -9 <pid>} does, and waits until it is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the ledger's child JVM " + process.pid()
                        + " survived SIGKILL for 30 s");
            }
        } catch (final InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing the ledger's child JVM " + process.pid(),
                    interrupted);
        }
    }

    /** Where the output of the child JVMs goes. */
    Path log() {
        return log;
    }

    /** Kills the child JVM if it runs. */
    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private void copyOutput(final Process source) {
        try (BufferedReader output = new BufferedReader(new InputStreamReader(source.getInputStream(),
                StandardCharsets.UTF_8));
                Writer writer = Files.newBufferedWriter(log(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND)) {
            writer.write("---- ledger child JVM " + source.pid() + System.lineSeparator());
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                if (line.startsWith(LedgerChildMain.STATE_LINE) && source == process) {
                    state = line.substring(LedgerChildMain.STATE_LINE.length()).split(" ")[0];
                }
                writer.write(line + System.lineSeparator());
                writer.flush();
            }
        } catch (final IOException ignored) {
            // The child is gone: its output ends here.
        }
    }
}
