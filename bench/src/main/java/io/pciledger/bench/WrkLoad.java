package io.pciledger.bench;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Load from {@code wrk}, the HTTP benchmarking tool (Debian package {@code wrk}): closed-loop keep-alive
 * connections driven by a small event loop in C, so the load generator takes little of the cores it shares with
 * the service. A generated Lua script sends the plan's paths in turn with the bearer token, and its {@code done}
 * hook prints the measured figures in one line that is parsed here ({@code wrk --latency} alone prints no p95).
 */
final class WrkLoad implements LoadTool {

    static final String MARKER = "PCI_LEDGER_WRK";
    private static final Pattern FIGURES = Pattern.compile(MARKER
            + " requests=(\\d+) duration_us=(\\d+) p50_us=(\\d+) p95_us=(\\d+) p99_us=(\\d+) max_us=(\\d+)"
            + " status_errors=(\\d+) socket_errors=(\\d+)");

    private final Path executable;

    private WrkLoad(final Path executable) {
        this.executable = executable;
    }

    /** {@code wrk} from the PATH, if it is there. */
    static Optional<WrkLoad> find() {
        final String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (final String folder : path.split(File.pathSeparator)) {
            final Path candidate = Path.of(folder.isEmpty() ? "." : folder, "wrk");
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(new WrkLoad(candidate));
            }
        }
        return Optional.empty();
    }

    @Override
    public LoadResult run(final LoadPlan plan) throws IOException, InterruptedException {
        final Path script = Files.createTempFile("pci-ledger-wrk-", ".lua");
        try {
            Files.writeString(script, script(plan.paths(), plan.token()));
            if (!plan.warmup().isZero()) {
                runWrk(plan, script, plan.warmup());
            }
            final long cpuBefore = ProcessCpu.nanos();
            final String output = runWrk(plan, script, plan.duration());
            final double cpuSeconds = (ProcessCpu.nanos() - cpuBefore) / 1e9;
            return parse(output, version() + " (" + plan.threads() + " thread" + (plan.threads() == 1 ? "" : "s")
                    + ", " + plan.connections() + " connections)", cpuSeconds);
        } finally {
            Files.deleteIfExists(script);
        }
    }

    private String runWrk(final LoadPlan plan, final Path script, final Duration duration)
            throws IOException, InterruptedException {
        final long seconds = Math.max(1, (duration.toMillis() + 999) / 1000);
        final Path output = Files.createTempFile("pci-ledger-wrk-", ".out");
        try {
            final Process wrk = new ProcessBuilder(executable.toString(), "-t", String.valueOf(plan.threads()),
                    "-c", String.valueOf(plan.connections()), "-d", seconds + "s", "--timeout", "10s",
                    "-s", script.toString(), plan.baseUrl())
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            if (!wrk.waitFor(seconds + 60, TimeUnit.SECONDS)) {
                wrk.destroyForcibly().waitFor();
                throw new IllegalStateException("wrk did not finish within " + (seconds + 60) + " s");
            }
            final String text = Files.readString(output, StandardCharsets.UTF_8);
            if (wrk.exitValue() != 0) {
                throw new IllegalStateException("wrk exited with " + wrk.exitValue() + ":\n" + text);
            }
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }

    private String version() {
        try {
            final Process wrk = new ProcessBuilder(executable.toString(), "--version").redirectErrorStream(true)
                    .start();
            final String first = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .lines().findFirst().orElse("wrk");
            wrk.waitFor(10, TimeUnit.SECONDS);
            final String[] words = first.split(" ");
            return words.length > 1 ? "wrk " + words[1] : "wrk";
        } catch (final IOException | InterruptedException unknown) {
            return "wrk";
        }
    }

    /** The Lua script: the paths in turn, the token on every request, the figures printed when done. */
    static String script(final List<String> paths, final String token) {
        return "local paths = {" + paths.stream().map(WrkLoad::luaString).collect(Collectors.joining(", ")) + "}\n"
                + "local next_index = 0\n"
                + "wrk.headers[\"Authorization\"] = " + luaString("Bearer " + token) + "\n"
                + "request = function()\n"
                + "  next_index = next_index % #paths + 1\n"
                + "  return wrk.format(\"GET\", paths[next_index])\n"
                + "end\n"
                + "done = function(summary, latency, requests)\n"
                + "  local e = summary.errors\n"
                + "  io.write(string.format(\"" + MARKER + " requests=%d duration_us=%d p50_us=%d p95_us=%d"
                + " p99_us=%d max_us=%d status_errors=%d socket_errors=%d\\n\",\n"
                + "    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),\n"
                + "    latency:percentile(99), latency.max, e.status, e.connect + e.read + e.write + e.timeout))\n"
                + "end\n";
    }

    private static String luaString(final String text) {
        if (!text.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("only printable ASCII goes into the wrk script: " + text);
        }
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * The figures of wrk's {@code output}, as printed by the script's {@code done} hook, with the CPU time this JVM
     * used meanwhile.
     *
     * @throws IllegalStateException when the output has no such line
     */
    static LoadResult parse(final String output, final String tool, final double cpuSeconds) {
        final Matcher figures = FIGURES.matcher(output);
        if (!figures.find()) {
            throw new IllegalStateException("wrk printed no " + MARKER + " line:\n" + output);
        }
        final long requests = Long.parseLong(figures.group(1));
        final double seconds = Long.parseLong(figures.group(2)) / 1e6;
        return new LoadResult(tool, requests, seconds,
                Long.parseLong(figures.group(7)) + Long.parseLong(figures.group(8)),
                micros(figures.group(3)), micros(figures.group(4)), micros(figures.group(5)), micros(figures.group(6)),
                cpuSeconds);
    }

    private static double micros(final String value) {
        return Long.parseLong(value) / 1000.0;
    }
}
