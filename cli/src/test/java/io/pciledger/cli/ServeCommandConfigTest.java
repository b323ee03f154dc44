package io.pciledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pci-ledger serve} refuses a bad configuration with exit code 2 and a message naming what is wrong. */
class ServeCommandConfigTest {

    @TempDir
    Path dir;

    private record Result(int exitCode, String err) {
    }

    private static Result serve(final String... args) {
        final StringWriter err = new StringWriter();
        final String[] command = new String[args.length + 1];
        command[0] = "serve";
        System.arraycopy(args, 0, command, 1, args.length);
        final int exitCode = PciLedgerCommand.commandLine().setErr(new PrintWriter(err)).execute(command);
        return new Result(exitCode, err.toString());
    }

    @Test
    void aMissingTokenFileSettingIsRefusedNamingTheKey() {
        final Result result = serve("--bootstrap-servers", "127.0.0.1:1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("query.auth.tokens.file");
    }

    @Test
    void aMisspeltQueryKeyIsRefused() {
        final Result result = serve("--bootstrap-servers", "127.0.0.1:1", "-X", "query.auth.tokens.file=t.json",
                "-X", "query.http.prot=8080");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("query.http.prot");
    }

    @Test
    void aBadValueIsRefusedNamingTheKey() throws Exception {
        final Path config = dir.resolve("serve.properties");
        Files.writeString(config, "bootstrap.servers=127.0.0.1:1\nquery.auth.tokens.file=t.json\n"
                + "query.http.port=not-a-port\n");

        final Result result = serve("--config", config.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("query.http.port").contains(config.toString());
    }
}
