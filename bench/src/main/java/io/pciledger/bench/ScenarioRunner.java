package io.pciledger.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine;

/**
 * Runs one scenario of the suite as its own {@code bench} command, in this JVM, exactly as it would run alone (its
 * output to the same console, its result to the same folder), and reads back the result it wrote. A scenario that
 * throws or exits with another code than 0 is an outcome too, with its error: the suite goes on.
 */
final class ScenarioRunner {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path folder;
    private final boolean quick;
    private final String bootstrapServers;
    private final PrintWriter out;
    private final PrintWriter err;

    /** @param bootstrapServers the Kafka every scenario on Kafka is given; null: each starts its own broker */
    ScenarioRunner(final Path folder, final boolean quick, final String bootstrapServers, final PrintWriter out,
            final PrintWriter err) {
        this.folder = folder;
        this.quick = quick;
        this.bootstrapServers = bootstrapServers;
        this.out = out;
        this.err = err;
    }

    /** The {@code bench} command line of {@code scenario}. */
    List<String> commandLine(final SuiteScenario scenario) {
        final List<String> arguments = new ArrayList<>(List.of("--results", folder.toString()));
        arguments.addAll(scenario.arguments(quick));
        if (scenario.onKafka() && bootstrapServers != null) {
            arguments.addAll(List.of("--bootstrap-servers", bootstrapServers));
        }
        return arguments;
    }

    ScenarioOutcome run(final SuiteScenario scenario) throws IOException {
        final Path result = folder.resolve(scenario.name() + ".json");
        // A result left by an earlier run must not pass for this one's.
        Files.deleteIfExists(result);
        Files.deleteIfExists(folder.resolve(scenario.name() + ".md"));

        final AtomicReference<Throwable> thrown = new AtomicReference<>();
        final CommandLine command = new CommandLine(new BenchCommand()).setOut(out).setErr(err);
        command.setExecutionExceptionHandler((failure, commandLine, parsed) -> {
            thrown.set(failure);
            failure.printStackTrace(err);
            err.flush();
            return 1;
        });
        command.setParameterExceptionHandler((failure, arguments) -> {
            thrown.set(failure);
            err.println(failure.getMessage());
            err.flush();
            return 2;
        });
        final long started = System.nanoTime();
        final int exit = command.execute(commandLine(scenario).toArray(String[]::new));
        final Duration took = Duration.ofNanos(System.nanoTime() - started);

        Map<String, Object> figures = Map.of();
        boolean met = false;
        if (Files.exists(result)) {
            final JsonNode document = JSON.readTree(result.toFile());
            figures = JSON.convertValue(document.path("figures"), new TypeReference<Map<String, Object>>() { });
            met = document.path("met").asBoolean(false);
        }
        final String error = thrown.get() != null ? describe(thrown.get())
                : exit != 0 ? "exited with " + exit + " (see " + scenario.name() + ".md and the output above)"
                : figures.isEmpty() ? "wrote no " + result.getFileName()
                : null;
        return new ScenarioOutcome(scenario, figures, met, error, took);
    }

    /** The exception and its causes, one after the other: the first line of each. */
    static String describe(final Throwable failure) {
        final StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            final String message = cause.getMessage() == null ? "" : ": " + cause.getMessage().lines().findFirst()
                    .orElse("");
            text.append(cause.getClass().getSimpleName()).append(message);
        }
        return text.toString();
    }
}
