package io.pciledger.query;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One query-service instance in a child JVM ({@link ServiceChildMain}), for tests that kill it with {@code kill -9}:
 * configured by a properties file written from the settings given, its output appended to a log file that outlives
 * the test's folder. {@link #start()} again after {@link #kill()} starts a new process with the same settings (the same
 * state directory and port, if they were fixed), as a supervisor restarting it would.
 */
final class ServiceChild implements AutoCloseable {

    /** A little longer than the child itself waits, so that its own "not ready" is what a failure reports. */
    private static final Duration READY_TIMEOUT = ServiceChildMain.READY_TIMEOUT.plusSeconds(15);

    private final String name;
    private final Path dir;
    private final Path config;
    private final Path log;
    private Process process;
    private int starts;

    /**
     * @param name     names the files of this instance in {@code dir}
     * @param log      where its output goes, e.g. under {@code target/}, to be read after a failure
     * @param settings the service's configuration keys ({@code bootstrap.servers}, {@code ledger.*}, ...)
     */
    ServiceChild(final String name, final Path dir, final Path log, final Map<String, ?> settings)
            throws IOException {
        this.name = name;
        this.dir = dir;
        this.log = log;
        this.config = dir.resolve(name + ".properties");
        Files.createDirectories(log.toAbsolutePath().getParent());
        final Properties properties = new Properties();
        settings.forEach((key, value) -> properties.setProperty(key, String.valueOf(value)));
        try (Writer writer = Files.newBufferedWriter(config)) {
            properties.store(writer, "query-service instance " + name);
        }
    }

    /** Starts the process and waits until the service is ready; its HTTP port. */
    int start() throws Exception {
        final Path classPath = dir.resolve("classpath.args");
        Files.writeString(classPath, "-cp \"" + System.getProperty("java.class.path").replace("\\", "\\\\")
                .replace("\"", "\\\"") + "\"");
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "@" + classPath, ServiceChildMain.class.getName(), config.toString())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        starts++;
        return awaitReady();
    }

    /** Kills the process with SIGKILL, as a crash would, and waits until it is gone. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** The file the process's output goes to. */
    Path log() {
        return log;
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    /** Reads the child's output until it says it is ready; its port. All of it goes to {@link #log()}. */
    private int awaitReady() throws Exception {
        final BufferedReader output = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        final Writer log = Files.newBufferedWriter(log(), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        log.write("--- start " + starts + System.lineSeparator());
        final CompletableFuture<Integer> port = new CompletableFuture<>();
        final Thread copier = new Thread(() -> {
            try (log) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    log.write(line + System.lineSeparator());
                    log.flush();
                    if (line.startsWith(ServiceChildMain.READY)) {
                        port.complete(Integer.parseInt(line.substring(ServiceChildMain.READY.length()).trim()));
                    }
                }
                port.completeExceptionally(new IllegalStateException(name + " exited before it was ready; see "
                        + log()));
            } catch (final IOException failed) {
                port.completeExceptionally(failed);
            }
        }, name + "-output");
        copier.setDaemon(true);
        copier.start();
        return port.get(READY_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    }
}
