package io.pciledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Prints a result as a table and keeps it as JSON and Markdown under the results folder. */
final class ResultsWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ResultsWriter() {
    }

    static void write(final BenchmarkResult result, final Path folder, final PrintWriter out) throws IOException {
        final Map<String, Object> machine = MachineDescription.describe();
        out.printf("%s on %s%n", result.scenario(), machine);
        result.figures().forEach((name, value) -> out.printf("  %-32s %s%n", name, value));
        out.printf("  %-32s %s (%s)%n", "target", result.target(), result.met() ? "met" : "NOT MET");
        out.flush();

        Files.createDirectories(folder);
        final Map<String, Object> document = new LinkedHashMap<>();
        document.put("scenario", result.scenario());
        document.put("measured_at", Instant.now().toString());
        document.put("machine", machine);
        document.put("figures", result.figures());
        document.put("target", result.target());
        document.put("met", result.met());
        JSON.writeValue(folder.resolve(result.scenario() + ".json").toFile(), document);
        Files.writeString(folder.resolve(result.scenario() + ".md"), markdown(result, machine));
    }

    private static String markdown(final BenchmarkResult result, final Map<String, Object> machine) {
        final StringBuilder text = new StringBuilder();
        text.append("# ").append(result.scenario()).append("\n\n").append("Machine: ").append(machine).append("\n\n");
        text.append("| figure | value |\n|---|---|\n");
        result.figures().forEach((name, value) -> text.append("| ").append(name).append(" | ").append(value).append(" |\n"));
        text.append("| target | ").append(result.target()).append(result.met() ? " (met)" : " (NOT MET)").append(" |\n");
        return text.toString();
    }
}
