package io.pciledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The suite's runner without a broker: scenarios that fail before they need one, and one that needs none. */
class SuiteRunTest {

    @TempDir
    Path results;

    private final StringWriter printed = new StringWriter();
    private final PrintWriter console = new PrintWriter(printed, true);

    private SuiteSummary run(final SuiteScenario... scenarios) throws Exception {
        return SuiteRun.run(List.of(scenarios), new ScenarioRunner(results, true, null, console, console), "quick",
                "none", console);
    }

    @Test
    void aFailingScenarioIsReportedWithItsErrorAndTheNextStillRuns() throws Exception {
        final SuiteSummary summary = run(
                SuiteScenario.onKafka("raw-kafka", "raw-kafka", "raw-kafka --records 0"),
                SuiteScenario.offKafka("agent-scan", "agent-scan", "agent-scan --warmup 0 --runs 1")
                        .headline("scan_and_match_median_ms", "median %.0f ms")
                        .goal(Goal.atMost("scan_and_match_median_ms", "median ms", AgentScanBenchmark.TARGET_MS)));

        assertThat(summary.failures()).isEqualTo(1);
        assertThat(summary.rows().get(0).verdict())
                .isEqualTo("FAILED: ParameterException: --records must be at least 1, was 0");
        assertThat(summary.rows().get(1).status()).isIn("met", "not met");
        assertThat(summary.rows().get(1).headline()).startsWith("median ");
        assertThat(summary.rows().get(1).runs()).isEqualTo("1 after 0 warm-up");
    }

    @Test
    void aCommandLineTheScenarioRefusesIsAFailure() throws Exception {
        final SuiteSummary summary = run(SuiteScenario.offKafka("agent-scan", "agent-scan",
                "agent-scan --no-such-option"));

        assertThat(summary.rows().get(0).verdict()).startsWith("FAILED: ").contains("--no-such-option");
    }

    @Test
    void aResultLeftByAnEarlierRunDoesNotPassForThisOnes() throws Exception {
        Files.writeString(results.resolve("raw-kafka.json"), "{\"figures\": {\"runs\": \"old\"}, \"met\": true}");

        final SuiteSummary summary = run(SuiteScenario.onKafka("raw-kafka", "raw-kafka", "raw-kafka --runs 0"));

        assertThat(summary.rows().get(0).status()).isEqualTo("failed");
        assertThat(summary.rows().get(0).runs()).isEmpty();
        assertThat(results.resolve("raw-kafka.json")).doesNotExist();
    }
}
