package io.pciledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's run command as a user runs it: {@code pci-ledger dev} in its own JVM starts a real
 * broker and the topics, and Ctrl-C (SIGINT) or SIGTERM stops it, leaving no process behind; a second
 * run resumes on the same data, {@code --fresh} starts clean.
 */
class DevCommandLifecycleTest {

    private static final Pattern CLUSTER_ID = Pattern.compile("cluster id ([A-Za-z0-9_-]+)");

    @Test
    void runsUntilSignalledLeavesNoProcessAndResumesOnItsData(@TempDir final Path tmp) throws Exception {
        final Path dataDir = tmp.resolve("data");

        final DevRun first = DevRun.start(dataDir);
        assertThat(first.banner()).contains("created  pci.ledger").contains("created  pci.inventory")
                .contains("HTTP API: http://127.0.0.1:");
        assertEveryPrintedExampleWorks(first.banner());
        first.stopWith("INT");

        final DevRun second = DevRun.start(dataDir);
        assertThat(second.clusterId()).isEqualTo(first.clusterId());
        assertThat(second.banner()).contains("exists   pci.ledger").doesNotContain("created");
        second.stopWith("TERM");

        final DevRun fresh = DevRun.start(dataDir, "--fresh");
        assertThat(fresh.clusterId()).isNotEqualTo(first.clusterId());
        fresh.stopWith("TERM");
    }

    @Test
    void refusesADataDirThatIsNotItsOwn(@TempDir final Path tmp) throws IOException {
        Files.writeString(tmp.resolve("precious.txt"), "someone else's file");
        final StringWriter err = new StringWriter();

        final int exitCode = PciLedgerCommand.commandLine().setErr(new PrintWriter(err))
                .execute("dev", "--data-dir", tmp.toString(), "--fresh");

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString()).contains("is not a PCI Ledger data folder");
        assertThat(tmp.resolve("precious.txt")).exists();
    }

    /**
     * Runs the {@code curl} examples of the banner, in order, exactly as printed, in one shell: each must answer
     * with something other than a problem document.
     */
    private static void assertEveryPrintedExampleWorks(final String banner) throws Exception {
        final List<String> examples = new ArrayList<>();
        boolean inExamples = false;
        for (final String line : banner.split("\n")) {
            if (line.startsWith("Try it")) {
                inExamples = true;
            } else if (inExamples && line.startsWith("  ")) {
                examples.add(line.substring(2));
            } else if (inExamples && line.isBlank()) {
                break;
            }
        }
        assertThat(examples).as("examples in the banner:%n%s", banner).hasSizeGreaterThanOrEqualTo(8)
                .anyMatch(line -> line.contains("/history"));
        org.junit.jupiter.api.Assumptions.assumeTrue(new ProcessBuilder("sh", "-c", "command -v curl").start()
                .waitFor() == 0, "curl is not installed: the printed examples cannot be run here");
        final StringBuilder script = new StringBuilder("set -e\n");
        for (final String example : examples) {
            script.append("echo '>>> example'\n").append(example).append("\necho\n");
        }
        final Process shell = new ProcessBuilder("bash", "-c", script.toString()).redirectErrorStream(true).start();
        final String output = new String(shell.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(shell.waitFor()).as(output).isZero();
        final String[] answers = output.split(">>> example\n");
        assertThat(answers).as(output).hasSize(examples.size() + 1);
        for (int index = 1; index < answers.length; index++) {
            assertThat(answers[index]).as("answer to %s", examples.get(index - 1))
                    .doesNotContain("urn:pci-ledger:problem");
        }
        assertThat(output).contains("\"status\":\"granted\"").contains("\"status\":\"confirmed\"")
                .contains("DevicesClaimed").contains("\"status\":\"released\"");
    }

    /** One {@code pci-ledger dev} process, started the way bin/pci-ledger starts it. */
    private record DevRun(Process process, Path dataDir, String banner, List<ProcessHandle> started) {

        static DevRun start(final Path dataDir, final String... extraArgs) throws IOException {
            final List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    PciLedgerCommand.class.getName(), "dev", "--data-dir", dataDir.toString(), "--kafka-port", "0",
                    "--http-port", "0", "--hosts", "6", "--interval", "5m"));
            command.addAll(List.of(extraArgs));
            final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            final String banner = readUntilReady(process);
            return new DevRun(process, dataDir, banner, process.descendants().toList());
        }

        String clusterId() {
            final Matcher matcher = CLUSTER_ID.matcher(banner);
            assertThat(matcher.find()).as("cluster id in banner:%n%s", banner).isTrue();
            return matcher.group(1);
        }

        void stopWith(final String signal) throws Exception {
            assertThat(started).as("the broker runs as a child process").isNotEmpty();
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start().waitFor();

            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("dev exits after SIG%s", signal).isTrue();
            for (final ProcessHandle child : started) {
                child.onExit().get(30, TimeUnit.SECONDS);
            }
            assertThat(ProcessHandle.allProcesses()
                    .filter(handle -> handle.info().commandLine().orElse("").contains(dataDir.toString())))
                    .as("processes still using %s", dataDir).isEmpty();
        }

        private static String readUntilReady(final Process process) throws IOException {
            final StringBuilder banner = new StringBuilder();
            final long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            final BufferedReader output = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            for (String line = output.readLine(); line != null; line = output.readLine()) {
                banner.append(line).append('\n');
                if (line.startsWith("Stop with Ctrl-C") || System.nanoTime() > deadline) {
                    break;
                }
            }
            assertThat(banner.toString()).as("pci-ledger dev output").contains("PCI Ledger dev is running");
            drainInBackground(output);
            return banner.toString();
        }

        private static void drainInBackground(final BufferedReader output) {
            final Thread drain = new Thread(() -> {
                try {
                    while (output.readLine() != null) {
                        // keep the pipe flowing so the process never blocks on a full buffer
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            }, "dev-output-drain");
            drain.setDaemon(true);
            drain.start();
        }
    }
}
