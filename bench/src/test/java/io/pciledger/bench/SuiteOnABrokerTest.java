package io.pciledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pciledger.testkit.KafkaCluster;
import io.pciledger.testkit.KafkaTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bench all --quick} on the shared test broker, for the raw baseline and the agent scan: the whole quick suite
 * takes minutes on a loaded 2-core machine, and every other scenario has its own quick test on a broker
 * ({@link LedgerBenchmarksOnABrokerTest}, {@link HttpBenchmarksOnABrokerTest}); the summary's logic is tested in
 * plain Java ({@link SuiteSummaryTest}, {@link SuiteRunTest}).
 */
@KafkaTest
class SuiteOnABrokerTest {

    @Test
    void theSuiteWritesOneSummaryWithEveryScenarioItRanNextToTheirOwnResults(final KafkaCluster kafka,
            @TempDir final Path results) throws Exception {
        final StringWriter printed = new StringWriter();
        final CommandLine bench = new CommandLine(new BenchCommand()).setOut(new PrintWriter(printed))
                .setErr(new PrintWriter(printed));

        final int exit = bench.execute("--results", results.toString(), "all", "--quick",
                "--only", "raw-kafka,agent-scan", "--bootstrap-servers", kafka.bootstrapServers());

        assertThat(exit).as(printed.toString()).isZero();
        final JsonNode summary = new ObjectMapper().readTree(results.resolve("summary.json").toFile());
        assertThat(summary.path("mode").asText()).isEqualTo("quick");
        assertThat(summary.path("failed").asInt()).isZero();
        assertThat(summary.path("scenarios").findValuesAsText("scenario")).containsExactly("raw-kafka", "agent-scan");
        assertThat(summary.path("scenarios").get(0).path("headline").asText()).contains("records/s produced")
                .contains("records/s consumed");
        assertThat(results.resolve("summary.md")).exists();
        assertThat(Files.readString(results.resolve("summary.md"))).contains("| raw-kafka |", "| agent-scan |");
        final JsonNode raw = new ObjectMapper().readTree(results.resolve("raw-kafka.json").toFile()).path("figures");
        assertThat(raw.path("produce_records_per_s_median").asLong()).isPositive();
        assertThat(raw.path("consume_records_per_s_median").asLong()).isPositive();
        assertThat(raw.path("record_value_bytes_mean").asInt()).isBetween(100, 150);
        assertThat(results.resolve("agent-scan.json")).exists();
    }
}
