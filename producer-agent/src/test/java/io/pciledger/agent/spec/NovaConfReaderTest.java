package io.pciledger.agent.spec;

import static io.pciledger.agent.spec.SpecAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NovaConfReaderTest {

    private static PciConfig parse(final String text) {
        return NovaConfReader.parse(text, "nova.conf");
    }

    private static java.util.List<String> groupNames(final PciConfig config) {
        return config.deviceSpecs().specs().stream().map(spec -> spec.name().orElse("-")).toList();
    }

    @Test
    void everyDeviceSpecLineAddsEntriesInOrder() {
        final PciConfig config = parse("[pci]\n"
                + "device_spec = {\"name\": \"a\"}\n"
                + "device_spec = [{\"name\": \"b\"}, {\"name\": \"c\"}]\n");

        assertThat(groupNames(config)).containsExactly("a", "b", "c");
        assertThat(config.deviceSpecs().specs()).extracting(DeviceSpec::index).containsExactly(0, 1, 2);
    }

    @Test
    void deprecatedNamesAreReadBeforeTheCurrentOneAsOsloOrdersThem() {
        final PciConfig config = parse("[DEFAULT]\n"
                + "pci_passthrough_whitelist = {\"name\": \"oldest\"}\n"
                + "[pci]\n"
                + "device_spec = {\"name\": \"current\"}\n"
                + "passthrough_whitelist = {\"name\": \"old\"}\n");

        assertThat(groupNames(config)).containsExactly("oldest", "old", "current");
    }

    @Test
    void multiLineJsonValueIsOneEntry() {
        final PciConfig config = parse("[pci]\n"
                + "device_spec = {\"vendor_id\": \"10de\",\n"
                + "               \"name\": \"gpu\"}\n");

        assertThat(groupNames(config)).containsExactly("gpu");
    }

    @Test
    void aliasesAndTheDeprecatedDefaultAliasAreRead() {
        final PciConfig config = parse("[DEFAULT]\n"
                + "pci_alias = {\"name\": \"old\", \"vendor_id\": \"8086\", \"product_id\": \"0443\"}\n"
                + "[pci]\n"
                + "alias = {\"name\": \"a100\", \"vendor_id\": \"10de\", \"product_id\": \"20b0\"}\n");

        assertThat(config.aliases().aliases()).containsOnlyKeys("old", "a100");
    }

    @Test
    void pciSectionNameIsCaseInsensitive() {
        assertThat(groupNames(parse("[PCI]\ndevice_spec = {\"name\": \"a\"}\n"))).containsExactly("a");
    }

    @Test
    void otherSectionsAndKeysAreIgnored() {
        final PciConfig config = parse("[DEFAULT]\ndebug = true\n[libvirt]\ndevice_spec = {\"name\": \"no\"}\n");

        assertThat(config.deviceSpecs().specs()).isEmpty();
        assertThat(config.aliases().aliases()).isEmpty();
    }

    @Test
    void invalidDeviceSpecInNovaConfIsADeviceSpecError() {
        assertRejected(() -> parse("[pci]\ndevice_spec = {\"address\": \"0000:0a:00.8\"}\n"),
                DeviceSpecException.Kind.VALUE_OUT_OF_RANGE);
    }

    @Test
    void laterFilesAddTheirValuesAfterEarlierOnes(@TempDir final Path dir) throws Exception {
        final Path novaConf = Files.writeString(dir.resolve("nova.conf"), "[pci]\ndevice_spec = {\"name\": \"first\"}\n");
        final Path computeConf = Files.writeString(dir.resolve("nova-compute.conf"),
                "[DEFAULT]\npci_passthrough_whitelist = {\"name\": \"second\"}\n");

        assertThat(groupNames(NovaConfReader.read(novaConf, computeConf))).containsExactly("first", "second");
    }

    @Test
    void loadReadsAFileThatIsNotJsonAsNovaConf(@TempDir final Path dir) throws Exception {
        final Path novaConf = Files.writeString(dir.resolve("nova.conf"), "[pci]\ndevice_spec = {\"name\": \"a\"}\n");

        assertThat(groupNames(PciConfig.load(novaConf))).containsExactly("a");
    }
}
