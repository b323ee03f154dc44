package io.pciledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pciledger.testkit.KafkaCluster;
import io.pciledger.testkit.KafkaTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Each HTTP scenario at its {@code --quick} size against the shared test broker, with the Java load tool (which
 * every machine has): it runs, writes its result, and what it counted adds up. No figure is held to a target
 * here; that is what the benchmark itself is for.
 */
@KafkaTest
class HttpBenchmarksOnABrokerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode run(final KafkaCluster kafka, final Path results, final String scenario,
            final String... more) throws Exception {
        final StringWriter printed = new StringWriter();
        final CommandLine bench = new CommandLine(new BenchCommand()).setOut(new PrintWriter(printed));
        final String[] arguments = new String[4 + more.length + 2];
        arguments[0] = scenario;
        arguments[1] = "--quick";
        arguments[2] = "--bootstrap-servers";
        arguments[3] = kafka.bootstrapServers();
        System.arraycopy(more, 0, arguments, 4, more.length);
        arguments[arguments.length - 2] = "--results";
        arguments[arguments.length - 1] = results.toString();

        assertThat(bench.execute(arguments)).as(printed.toString()).isZero();
        return JSON.readTree(results.resolve(scenario + ".json").toFile()).path("figures");
    }

    @Test
    void httpReadsAnswersEveryRequest(final KafkaCluster kafka, @TempDir final Path results) throws Exception {
        final JsonNode figures = run(kafka, results, "http-reads", "--load-tool", "java");

        assertThat(figures.path("requests_answered").asLong()).isPositive();
        assertThat(figures.path("failed_requests").asLong()).isZero();
        assertThat(figures.path("load_tool").asText()).startsWith("Java");
    }

    @Test
    void httpCandidatesAnswersEveryRequest(final KafkaCluster kafka, @TempDir final Path results) throws Exception {
        final JsonNode figures = run(kafka, results, "http-candidates", "--load-tool", "java");

        assertThat(figures.path("requests_answered").asLong()).isPositive();
        assertThat(figures.path("failed_requests").asLong()).isZero();
        assertThat(figures.path("hosts").asText()).startsWith("500 x 64 devices");
    }

    @Test
    void httpClaimsGrantsReleasesAndPassesTheLedgerAudit(final KafkaCluster kafka, @TempDir final Path results)
            throws Exception {
        final JsonNode figures = run(kafka, results, "http-claims");

        assertThat(figures.path("granted").asLong()).isPositive();
        assertThat(figures.path("ledger_audit").asText()).startsWith("sound");
        assertThat(figures.path("releases_failed").asText()).startsWith("0 of ");
        assertThat(figures.path("ledger_records_audited").asLong()).isPositive();
    }
}
