package io.pciledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one table {@code bench all} ends with: a row per scenario ({@link SummaryRow}), headed by the machine it ran
 * on and how loaded that was. Kept as {@code summary.json} and {@code summary.md} next to the scenarios' own files.
 *
 * @param mode       {@code full} or {@code quick}
 * @param machine    {@link MachineDescription}
 * @param kafka      what the scenarios ran against
 * @param loadAtStart the machine's load average over the last minute when the suite started
 * @param loadAtEnd   the same when it ended
 * @param started    when the suite started
 * @param took       how long it ran
 * @param rows       one per scenario run, in order
 */
record SuiteSummary(String mode, Map<String, Object> machine, String kafka, double loadAtStart, double loadAtEnd,
        Instant started, Duration took, List<SummaryRow> rows) {

    static final String BASELINE = "raw-kafka";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    SuiteSummary {
        machine = new LinkedHashMap<>(machine);
        rows = List.copyOf(rows);
    }

    /** The rows of {@code outcomes}, each rate compared with the baseline among them when it is there. */
    static List<SummaryRow> rowsOf(final List<ScenarioOutcome> outcomes) {
        final Optional<ScenarioOutcome> baseline = outcomes.stream()
                .filter(outcome -> outcome.scenario().name().equals(BASELINE)).findFirst();
        return outcomes.stream().map(outcome -> SummaryRow.of(outcome, baseline)).toList();
    }

    long failures() {
        return rows.stream().filter(row -> row.status().equals("failed")).count();
    }

    /** Writes {@code summary.json} and {@code summary.md} into {@code folder}. */
    void write(final Path folder) throws IOException {
        Files.createDirectories(folder);
        final Map<String, Object> document = new LinkedHashMap<>();
        document.put("suite", "bench all");
        document.put("mode", mode);
        document.put("started_at", started.toString());
        document.put("took_s", Math.round(took.toMillis() / 100.0) / 10.0);
        document.put("machine", machine);
        document.put("machine_load_average_at_start", loadAtStart);
        document.put("machine_load_average_at_end", loadAtEnd);
        document.put("kafka", kafka);
        document.put("failed", failures());
        document.put("scenarios", rows);
        JSON.writeValue(folder.resolve("summary.json").toFile(), document);
        Files.writeString(folder.resolve("summary.md"), markdown());
    }

    String markdown() {
        final StringBuilder text = new StringBuilder();
        text.append("# PCI Ledger benchmarks: `bench all` (").append(mode).append(")\n\n");
        text.append("Machine: ").append(machine.get("cores")).append(" cores, ").append(machine.get("memory_gib"))
                .append(" GiB, ").append(machine.get("os")).append(", ").append(machine.get("jdk")).append(", Kafka ")
                .append(machine.get("kafka")).append(". Load average ").append(loadAtStart).append(" at the start, ")
                .append(loadAtEnd).append(" at the end.\n\n");
        text.append("Kafka: ").append(kafka).append(". Started ").append(started).append(", took ")
                .append(Math.round(took.toSeconds() / 6.0) / 10.0).append(" min.\n\n");
        text.append("| scenario | headline | vs raw Kafka | runs | target | result |\n|---|---|---|---|---|---|\n");
        for (final SummaryRow row : rows) {
            text.append("| ").append(String.join(" | ", cell(row.scenario()), cell(row.headline()),
                    cell(row.vsRaw()), cell(row.runs()), cell(row.target()), cell(row.verdict()))).append(" |\n");
        }
        text.append("\nEach scenario's own figures are in `SCENARIO.md` and `SCENARIO.json` next to this file. "
                + "\"vs raw Kafka\" divides a rate by the raw baseline's rate measured earlier in the same run, on "
                + "the same broker: on a shared machine, compare such ratios rather than absolute rates.\n");
        return text.toString();
    }

    private static String cell(final String text) {
        return text.replace("|", "\\|").replaceAll("\\s*\\R\\s*", " ");
    }
}
