package io.pciledger.agent.explain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ExplainCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String VALID = "{\"device_spec\": {\"name\": \"gpu\"}, \"devices\": [{\"address\":"
            + " \"0000:3b:00.0\", \"vendor_id\": \"10de\", \"product_id\": \"20b0\", \"class_code\": \"030000\"}]}";
    private static final String INVALID = "{\"device_spec\": {\"vendor_id\": \"zz\"}, \"devices\": []}";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(final String stdin, final String... args) {
        final CommandLine command = new CommandLine(new ExplainCommand(
                () -> new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        return command.execute(args);
    }

    @Test
    void validDocumentFromAFileExitsZeroWithTheResult(@TempDir final Path dir) throws Exception {
        final Path file = Files.writeString(dir.resolve("host.json"), VALID);

        assertThat(run("", file.toString())).isZero();
        assertThat(JSON.readTree(out.toString()).get("groups")).isEqualTo(JSON.readTree("{\"gpu\": 1}"));
    }

    @Test
    void invalidSpecFromStandardInputExitsTwo() throws Exception {
        assertThat(run(INVALID)).isEqualTo(2);
        assertThat(JSON.readTree(out.toString()).get("error").asText()).isEqualTo("invalid_hex");
    }

    @Test
    void inputThatIsNotJsonExitsTwo() throws Exception {
        assertThat(run("{device_spec")).isEqualTo(2);
        assertThat(JSON.readTree(out.toString()).get("error").asText()).isEqualTo("invalid_input");
    }

    @Test
    void batchAnswersEveryLineAndExitsTwoWhenAnyWasInvalid() throws Exception {
        final int exitCode = run(VALID + "\n" + INVALID + "\n\nnot json\n" + VALID + "\n", "--batch");

        final String[] lines = out.toString().split("\n");
        assertThat(exitCode).isEqualTo(2);
        assertThat(lines).hasSize(4);
        assertThat(JSON.readTree(lines[0]).get("valid").asBoolean()).isTrue();
        assertThat(JSON.readTree(lines[1]).get("error").asText()).isEqualTo("invalid_hex");
        assertThat(JSON.readTree(lines[2]).get("message").asText()).startsWith("line 4 is not valid JSON");
        assertThat(JSON.readTree(lines[3]).get("valid").asBoolean()).isTrue();
    }

    @Test
    void batchOfValidDocumentsExitsZero() {
        assertThat(run(VALID + "\n" + VALID + "\n", "--batch")).isZero();
    }

    @Test
    void missingFileExitsOneWithAMessage() {
        assertThat(run("", "/nonexistent/host.json")).isEqualTo(1);
        assertThat(err.toString()).contains("cannot read /nonexistent/host.json");
    }
}
