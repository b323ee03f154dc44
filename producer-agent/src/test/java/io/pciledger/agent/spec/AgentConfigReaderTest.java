package io.pciledger.agent.spec;

import static io.pciledger.agent.spec.SpecAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigReaderTest {

    private static PciConfig parse(final String text) {
        return AgentConfigReader.parse(text, "agent.json");
    }

    @Test
    void readsDeviceSpecListAndAliasList() {
        final PciConfig config = parse("{\"device_spec\": [{\"name\": \"a100\", \"vendor_id\": \"10de\"}, {}],"
                + " \"alias\": [{\"name\": \"a100\", \"vendor_id\": \"10de\", \"product_id\": \"20b0\"}]}");

        assertThat(config.deviceSpecs().specs()).hasSize(2);
        assertThat(config.aliases().find("a100")).isPresent();
    }

    @Test
    void singleObjectsAreAccepted() {
        final PciConfig config = parse("{\"device_spec\": {\"name\": \"a\"},"
                + " \"alias\": {\"name\": \"a\", \"vendor_id\": \"10de\", \"product_id\": \"20b0\"}}");

        assertThat(config.deviceSpecs().specs()).hasSize(1);
        assertThat(config.aliases().aliases()).hasSize(1);
    }

    @Test
    void emptyObjectMakesNothingAssignable() {
        assertThat(parse("{}").deviceSpecs().specs()).isEmpty();
    }

    @Test
    void oldNameComesBeforeDeviceSpec() {
        final PciConfig config = parse(
                "{\"device_spec\": {\"name\": \"new\"}, \"passthrough_whitelist\": {\"name\": \"old\"}}");

        assertThat(config.deviceSpecs().specs()).extracting(spec -> spec.name().orElseThrow())
                .containsExactly("old", "new");
    }

    @Test
    void unknownKeyIsRejectedByName() {
        assertThatThrownBy(() -> parse("{\"device_specs\": []}"))
                .isInstanceOf(ConfigFileException.class)
                .hasMessageContaining("agent.json")
                .hasMessageContaining("\"device_specs\"");
    }

    @Test
    void invalidJsonIsRejectedWithItsLine() {
        assertThatThrownBy(() -> parse("{\n\"device_spec\": [\n}"))
                .isInstanceOfSatisfying(ConfigFileException.class, e -> assertThat(e.line()).hasValue(3));
    }

    @Test
    void documentThatIsNotAnObjectIsRejected() {
        assertThatThrownBy(() -> parse("[]")).isInstanceOf(ConfigFileException.class);
    }

    @Test
    void deviceSpecErrorsKeepTheirKind() {
        assertRejected(() -> parse("{\"device_spec\": [{}, 3]}"), DeviceSpecException.Kind.NOT_AN_OBJECT);
    }

    @Test
    void loadReadsAJsonFileAsTheAgentFile(@TempDir final Path dir) throws Exception {
        final Path file = Files.writeString(dir.resolve("pci.json"), "{\"device_spec\": {\"name\": \"a\"}}");

        assertThat(PciConfig.load(file).deviceSpecs().specs()).hasSize(1);
    }
}
