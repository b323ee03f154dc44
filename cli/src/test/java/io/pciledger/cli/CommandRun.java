package io.pciledger.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One {@code pci-ledger} command in its own JVM, started the way bin/pci-ledger starts it, its output collected:
 * {@link #start} returns once it has printed the line that says it runs.
 */
final class CommandRun {

    private final Process process;
    private final String marker;
    private final String readyLine;
    private final StringBuffer collected = new StringBuffer();
    private final CountDownLatch running = new CountDownLatch(1);
    private final Thread reader;

    private CommandRun(final Process process, final String marker, final String readyLine) {
        this.process = process;
        this.marker = marker;
        this.readyLine = readyLine;
        this.reader = new Thread(this::collectOutput, "command-output");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * @param readyLine the start of the line the command prints once it runs
     * @param marker    an argument that only this run has (its configuration file, say): it finds the run's
     *                  processes, {@link #processesLeft()}
     * @param args      the command and its arguments, e.g. {@code ledger --config FILE}
     */
    static CommandRun start(final String readyLine, final Path marker, final String... args) throws Exception {
        final List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PciLedgerCommand.class.getName()));
        command.addAll(List.of(args));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final CommandRun run = new CommandRun(process, marker.toString(), readyLine);
        if (!run.running.await(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError("pci-ledger " + args[0] + " did not report running within 120 s:\n"
                    + run.output());
        }
        return run;
    }

    String output() {
        return collected.toString();
    }

    int stopWith(final String signal) throws Exception {
        new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();
        return awaitExit("SIG" + signal);
    }

    /** Waits for the process to end by itself, and for the last of its output. */
    int awaitExit(final String after) throws InterruptedException {
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            throw new AssertionError("the command did not exit within 90 s of " + after + ":\n" + output());
        }
        reader.join(TimeUnit.SECONDS.toMillis(10));
        return process.exitValue();
    }

    /** Kills the process if it still runs: for a test that fails half-way. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** Processes whose command line names this run's marker: none once it has exited. */
    List<ProcessHandle> processesLeft() {
        return ProcessHandle.allProcesses()
                .filter(handle -> handle.info().commandLine().orElse("").contains(marker))
                .toList();
    }

    private void collectOutput() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                collected.append(line).append('\n');
                if (line.startsWith(readyLine)) {
                    running.countDown();
                }
            }
        } catch (IOException ignored) {
            // the process ended
        }
    }
}
