package io.pciledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pciledger.bench.SuiteScenario.RawRate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteSummaryTest {

    private static final SuiteScenario RAW = SuiteScenario.onKafka("raw-kafka", "raw-kafka", "raw-kafka --quick")
            .headline("produce_records_per_s_median", "%,.0f records/s produced");
    private static final SuiteScenario FOLD = SuiteScenario.onKafka("fold", "fold", "fold --quick")
            .headline("fold_facts_per_s_median", "%,.0f facts/s folded")
            .goal(Goal.atLeast("fold_to_raw_ratio", "fold/raw", 0.3))
            .comparedWith(RawRate.PRODUCE, "fold_facts_per_s_median");
    private static final SuiteScenario READS = SuiteScenario.onKafka("http-reads", "http-reads", "http-reads --quick")
            .headline("requests_per_s", "%,.0f requests/s")
            .goal(Goal.atLeast("requests_per_s", "requests/s", 20_000))
            .goal(Goal.atMost("latency_p99_ms", "p99 ms", 5));

    private static ScenarioOutcome ran(final SuiteScenario scenario, final boolean met, final Map<String, Object> figures) {
        return new ScenarioOutcome(scenario, figures, met, null, Duration.ofSeconds(12));
    }

    private static ScenarioOutcome failed(final SuiteScenario scenario, final String error) {
        return new ScenarioOutcome(scenario, Map.of(), false, error, Duration.ofSeconds(3));
    }

    private static final ScenarioOutcome RAW_RAN = ran(RAW, true, Map.of("produce_records_per_s_median", 300_000,
            "runs", "3 after 1 warm-up"));

    @Test
    void theBaselineIsReportedAsSuch() {
        final SummaryRow row = SuiteSummary.rowsOf(List.of(RAW_RAN)).get(0);

        assertThat(row.status()).isEqualTo("baseline");
        assertThat(row.headline()).isEqualTo("300,000 records/s produced");
        assertThat(row.runs()).isEqualTo("3 after 1 warm-up");
        assertThat(row.target()).isEqualTo("none (the baseline)");
    }

    @Test
    void aRateIsComparedWithTheRawBaselineOfTheSameRun() {
        final List<SummaryRow> rows = SuiteSummary.rowsOf(List.of(RAW_RAN,
                ran(FOLD, false, Map.of("fold_facts_per_s_median", 1_500, "fold_to_raw_ratio", 0.006))));

        assertThat(rows.get(1).vsRaw()).isEqualTo("0.005 x produce");
    }

    @Test
    void withoutTheBaselineThereIsNoRatio() {
        final List<SummaryRow> rows = SuiteSummary.rowsOf(List.of(failed(RAW, "broker gone"),
                ran(FOLD, false, Map.of("fold_facts_per_s_median", 1_500, "fold_to_raw_ratio", 0.006))));

        assertThat(rows.get(1).vsRaw()).isEqualTo("no baseline in this run");
    }

    @Test
    void anUnmetTargetSaysEveryGoalMissedAndByHowMuch() {
        final SummaryRow row = SuiteSummary.rowsOf(List.of(ran(READS, false,
                Map.of("requests_per_s", 24_045, "latency_p99_ms", 7.04)))).get(0);

        assertThat(row.status()).isEqualTo("not met");
        assertThat(row.verdict()).isEqualTo("NOT MET: p99 ms 7.04 > 5 (41 % over)");
    }

    @Test
    void aMetTargetIsMet() {
        final SummaryRow row = SuiteSummary.rowsOf(List.of(ran(READS, true,
                Map.of("requests_per_s", 24_045, "latency_p99_ms", 4.2)))).get(0);

        assertThat(row.verdict()).isEqualTo("met");
    }

    @Test
    void aFailedScenarioCarriesItsError() {
        final SummaryRow row = SuiteSummary.rowsOf(List.of(failed(FOLD, "IllegalStateException: the ledger stopped")))
                .get(0);

        assertThat(row.status()).isEqualTo("failed");
        assertThat(row.verdict()).isEqualTo("FAILED: IllegalStateException: the ledger stopped");
        assertThat(row.headline()).isEmpty();
        assertThat(row.vsRaw()).isEmpty();
    }

    @Test
    void theSummaryFilesHoldTheMachineAndEveryRow(@TempDir final Path folder) throws Exception {
        final SuiteSummary summary = new SuiteSummary("quick", MachineDescription.describe(), "embedded", 1.5, 2.5,
                Instant.parse("2025-01-01T00:00:00Z"), Duration.ofSeconds(90), SuiteSummary.rowsOf(List.of(RAW_RAN,
                        failed(FOLD, "a | b\nc"), ran(READS, true, Map.of("requests_per_s", 24_045)))));

        summary.write(folder);

        final JsonNode json = new ObjectMapper().readTree(folder.resolve("summary.json").toFile());
        assertThat(json.path("machine").path("cores").asInt()).isPositive();
        assertThat(json.path("machine").path("kafka").asText()).isNotEmpty();
        assertThat(json.path("failed").asInt()).isEqualTo(1);
        assertThat(json.path("scenarios").findValuesAsText("scenario")).containsExactly("raw-kafka", "fold",
                "http-reads");
        assertThat(json.path("scenarios").get(1).path("verdict").asText()).isEqualTo("FAILED: a | b\nc");
        final String markdown = Files.readString(folder.resolve("summary.md"));
        assertThat(markdown).contains("cores", "Kafka", "Load average 1.5 at the start");
        assertThat(markdown.lines().filter(line -> line.startsWith("| ")).toList()).hasSize(4)
                .anySatisfy(line -> assertThat(line).startsWith("| fold |").endsWith("| FAILED: a \\| b c |"));
    }
}
