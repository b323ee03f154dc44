package io.pciledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pciledger.testkit.KafkaCluster;
import io.pciledger.testkit.KafkaTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Each HTTP scenario at a small size ({@code --quick}, or a few seconds) against the shared test broker, with the Java load tool (which
 * every machine has): it runs, writes its result, and what it counted adds up. No figure is held to a target
 * here; that is what the benchmark itself is for.
 */
@KafkaTest
class HttpBenchmarksOnABrokerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Runs {@code bench SCENARIO OPTIONS...} on the test broker; the figures of {@code result}.json. */
    private static JsonNode run(final KafkaCluster kafka, final Path results, final String result,
            final String scenario, final String... options) throws Exception {
        final StringWriter printed = new StringWriter();
        final CommandLine bench = new CommandLine(new BenchCommand()).setOut(new PrintWriter(printed))
                .setErr(new PrintWriter(printed));
        final List<String> arguments = new ArrayList<>(List.of(scenario,
                "--bootstrap-servers", kafka.bootstrapServers(), "--results", results.toString()));
        arguments.addAll(List.of(options));

        assertThat(bench.execute(arguments.toArray(String[]::new))).as(printed.toString()).isZero();
        return JSON.readTree(results.resolve(result + ".json").toFile()).path("figures");
    }

    @Test
    void httpReadsAnswersEveryRequest(final KafkaCluster kafka, @TempDir final Path results) throws Exception {
        final JsonNode figures = run(kafka, results, "http-reads", "http-reads", "--quick", "--load-tool", "java");

        assertThat(figures.path("requests_answered").asLong()).isPositive();
        assertThat(figures.path("failed_requests").asLong()).isZero();
        assertThat(figures.path("load_tool").asText()).startsWith("Java");
    }

    @Test
    void httpCandidatesAnswersEveryRequest(final KafkaCluster kafka, @TempDir final Path results) throws Exception {
        final JsonNode figures = run(kafka, results, "http-candidates", "http-candidates", "--quick", "--load-tool", "java");

        assertThat(figures.path("requests_answered").asLong()).isPositive();
        assertThat(figures.path("failed_requests").asLong()).isZero();
        assertThat(figures.path("hosts").asText()).startsWith("500 x 64 devices");
    }

    @Test
    void httpClaimsGrantsReleasesAndPassesTheLedgerAudit(final KafkaCluster kafka, @TempDir final Path results)
            throws Exception {
        final JsonNode figures = run(kafka, results, "http-claims", "http-claims", "--quick");

        assertThat(figures.path("granted").asLong()).isPositive();
        assertThat(figures.path("ledger_audit").asText()).startsWith("sound");
        assertThat(figures.path("releases_failed").size()).isZero();
        assertThat(figures.path("releases_sent").asLong()).isEqualTo(figures.path("granted").asLong()
                + figures.path("granted_in_warmup").asLong());
        assertThat(figures.path("ledger_records_audited").asLong()).isPositive();
    }

    @Test
    void httpClaimsWithAHostGivenPassesTheLedgerAudit(final KafkaCluster kafka, @TempDir final Path results)
            throws Exception {
        // Not --quick: a warm-up long enough to grant claims, whose ids the measured phase must not use again.
        final JsonNode figures = run(kafka, results, "http-claims-host-given", "http-claims", "--host-given",
                "--hosts", "10", "--warmup-s", "5", "--duration-s", "3");

        assertThat(figures.path("granted").asLong()).isPositive();
        assertThat(figures.path("ledger_audit").asText()).startsWith("sound");
    }
}
