package io.pciledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code replay} and {@code verify} refuse bad input with exit code 2 and a message naming it, before any Kafka. */
class AuditCommandsInputTest {

    private record Result(int exitCode, String out, String err) {
    }

    private static Result run(final String... args) {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exitCode = PciLedgerCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }

    @Test
    void anInstantThatIsNotISO8601IsRefused() {
        final Result result = run("replay", "--bootstrap-servers", "127.0.0.1:1", "--until", "yesterday");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("'yesterday' is not an instant").contains("2026-05-01T10:00:00Z");
    }

    @Test
    void anInstantWithoutAZoneIsRefused() {
        final Result result = run("replay", "--bootstrap-servers", "127.0.0.1:1", "--until", "2026-05-01T10:00:00");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("is not an instant");
    }

    @Test
    void aDeviceWithoutItsHostIsRefused() {
        final Result result = run("replay", "--bootstrap-servers", "127.0.0.1:1", "--device", "0000:3b:02.1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("write HOST/ADDRESS");
    }

    @Test
    void aDeviceWhoseAddressIsNotAPciAddressIsRefused() {
        final Result result = run("replay", "--bootstrap-servers", "127.0.0.1:1", "--device", "compute-1/eth0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("'eth0' is not a PCI address");
    }

    @Test
    void replayNeedsAnInstantOrADevice() {
        final Result result = run("replay", "--bootstrap-servers", "127.0.0.1:1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--until INSTANT").contains("--device HOST/ADDRESS");
    }

    @Test
    void verifyNeedsAnApiAddressWithAHost() {
        final Result result = run("verify", "--bootstrap-servers", "127.0.0.1:1", "--token", "t", "--api",
                "localhost:8080");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--api 'localhost:8080' is not the API's address");
    }

    @Test
    void verifyNeedsAToken() {
        final Result result = run("verify", "--bootstrap-servers", "127.0.0.1:1", "--api", "http://127.0.0.1:1/",
                "--token-file", "/nonexistent/token");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("cannot read --token-file /nonexistent/token");
    }

    @Test
    void bothCommandsExplainThemselves() {
        assertThat(run("replay", "--help").out()).contains("--until").contains("--device").contains("--output");
        assertThat(run("verify", "--help").out()).contains("--api").contains("--token").contains("PCI_LEDGER_TOKEN");
    }
}
