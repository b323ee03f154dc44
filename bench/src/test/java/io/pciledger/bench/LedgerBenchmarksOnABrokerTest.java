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
 * The ledger benchmarks at tiny sizes on a real broker: they run to the end only when the ledger folded every fact
 * as the domain does and the audit of its claims found nothing (and the replay rebuilt every host's ledger). No figure is asserted: speed is what they report.
 */
@KafkaTest
class LedgerBenchmarksOnABrokerTest {

    @TempDir
    Path results;

    @Test
    void foldChecksTheLedgerAgainstTheDomainFold(final KafkaCluster kafka) throws Exception {
        final int exit = bench("fold", "--quick", "--bootstrap-servers", kafka.bootstrapServers(),
                "--facts", "1500", "--hosts", "10");

        assertThat(exit).isZero();
        final JsonNode figures = read("fold").get("figures");
        assertThat(figures.get("facts").asInt()).isEqualTo(1500);
        assertThat(figures.get("fold_facts_per_s_median").asLong()).isPositive();
        assertThat(figures.get("stored_copy_per_s_median").asLong()).isPositive();
        assertThat(figures.get("raw_records_per_s_median").asLong()).isPositive();
    }

    @Test
    void claimsAreGrantedAndTheLedgerPassesTheAudit(final KafkaCluster kafka) throws Exception {
        final int exit = bench("claims", "--quick", "--bootstrap-servers", kafka.bootstrapServers(),
                "--hosts", "3", "--clients", "2", "--claims", "30", "--warmup-claims", "0",
                "--registered-groups", "2");

        assertThat(exit).isZero();
        final JsonNode figures = read("claims").get("figures");
        assertThat(figures.get("releases_answered").asInt()).isEqualTo(30);
        assertThat(figures.get("ledger_audit").asText()).contains("30 grants, as the clients were told")
                .contains("no device granted twice");
    }

    @Test
    void keptClaimsAreGrantedOnceEachAndNothingIsReleased(final KafkaCluster kafka) throws Exception {
        final int exit = bench("claims", "--quick", "--bootstrap-servers", kafka.bootstrapServers(),
                "--hosts", "3", "--clients", "2", "--claims", "30", "--warmup-claims", "0", "--keep-grants");

        assertThat(exit).isZero();
        final JsonNode figures = read("claims").get("figures");
        assertThat(figures.get("request").asText()).contains("kept");
        assertThat(figures.get("releases_answered").asInt()).isZero();
        assertThat(figures.get("rejected").asText()).isEqualTo("none");
        assertThat(figures.get("ledger_audit").asText()).contains("30 grants, as the clients were told")
                .contains("no device granted twice");
    }

    @Test
    void theClaimsCeilingAnswersEveryClaimAndRelease(final KafkaCluster kafka) throws Exception {
        final int exit = bench("claims-ceiling", "--quick", "--bootstrap-servers", kafka.bootstrapServers(),
                "--hosts", "3", "--clients", "2", "--claims", "30", "--warmup-claims", "0");

        assertThat(exit).as("every release is answered released, else the run fails").isZero();
        final JsonNode figures = read("claims-ceiling").get("figures");
        assertThat(figures.get("granted_claims_per_s_runs")).hasSize(1);
        assertThat(figures.get("granted_claims_per_s_median").asLong()).isPositive();
        assertThat(figures.get("decider_time_in_measured_runs").get("records_processed").asLong())
                .as("30 claims, and the releases answered before the figures were taken").isGreaterThanOrEqualTo(30);
    }

    @Test
    void replayRebuildsTheLedgersTheHistoryLeft(final KafkaCluster kafka) throws Exception {
        final int exit = bench("replay", "--quick", "--bootstrap-servers", kafka.bootstrapServers(),
                "--events", "3000", "--hosts", "5");

        assertThat(exit).isZero();
        final JsonNode figures = read("replay").get("figures");
        assertThat(figures.get("ledger_events").asLong()).isGreaterThanOrEqualTo(3000);
        assertThat(figures.get("event_mix").get("DevicesClaimed").asLong()).isPositive();
        assertThat(figures.get("events_per_s_median").asLong()).isPositive();
    }

    /** Needs no broker (nor do the next); here for the helpers. It fails if a claim is refused. */
    @Test
    void decideGrantsEveryClaimWhileHostsHoldAllButOneVf() throws Exception {
        assertThat(bench("decide", "--hosts", "3", "--held", "49", "--commands", "200", "--warmup", "0",
                "--runs", "2")).isZero();

        final JsonNode figures = read("decide").get("figures");
        assertThat(figures.get("claims_held_per_host").asInt()).isEqualTo(49);
        assertThat(figures.get("domain_us_per_command_runs")).hasSize(2);
        assertThat(figures.get("domain_us_per_command_median").asDouble()).isPositive();
    }

    @Test
    void decideRefusesToHoldEveryVfOfAHost() {
        assertThat(bench("decide", "--held", "50")).as("a step claims one more before it releases").isEqualTo(2);
    }

    @Test
    void aSizeOutOfRangeIsAUsageErrorBeforeAnythingStarts() {
        assertThat(bench("claims", "--hosts", "0")).isEqualTo(2);
        assertThat(bench("claims", "--registered-groups", "-1")).isEqualTo(2);
        assertThat(bench("claims", "--keep-grants", "--hosts", "1", "--claims", "1000"))
                .as("more kept claims than one host's VFs").isEqualTo(2);
        assertThat(bench("claims-ceiling", "--warmup-claims", "-1")).isEqualTo(2);
        assertThat(bench("fold", "--facts", "0")).isEqualTo(2);
        assertThat(bench("replay", "--warmup", "-1")).isEqualTo(2);
    }

    private int bench(final String... args) {
        final StringWriter output = new StringWriter();
        final CommandLine bench = new CommandLine(new BenchCommand()).setOut(new PrintWriter(output));
        final String[] withResults = new String[args.length + 2];
        withResults[0] = "--results";
        withResults[1] = results.toString();
        System.arraycopy(args, 0, withResults, 2, args.length);
        final int exit = bench.execute(withResults);
        System.out.println(output);
        return exit;
    }

    private JsonNode read(final String scenario) throws Exception {
        return new ObjectMapper().readTree(results.resolve(scenario + ".json").toFile());
    }
}
