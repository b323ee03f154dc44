package io.pciledger.agent.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pciledger.agent.spec.DeviceSpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReloadingPciConfigTest {

    private static final String GPUS = "{\"device_spec\": [{\"vendor_id\": \"10de\", \"name\": \"gpu\"}]}";
    private static final String GPUS_AND_NVME = "{\"device_spec\": [{\"vendor_id\": \"10de\", \"name\": \"gpu\"},"
            + " {\"vendor_id\": \"8086\", \"product_id\": \"0a54\", \"name\": \"nvme\"}]}";
    private static final String INVALID = "{\"device_spec\": [{\"vendor_id\": \"12345\"}]}";

    @TempDir
    Path dir;

    @Test
    void invalidFileAtStartIsAnError() throws IOException {
        final Path file = write(INVALID, 1);

        assertThatThrownBy(() -> ReloadingPciConfig.open(file)).isInstanceOf(DeviceSpecException.class);
    }

    @Test
    void changedFileTakesEffectAtTheNextLook() throws IOException {
        final ReloadingPciConfig config = ReloadingPciConfig.open(write(GPUS, 1));

        write(GPUS_AND_NVME, 2);

        assertThat(config.current().deviceSpecs().specs()).hasSize(2);
        assertThat(config.generation()).isEqualTo(1);
    }

    @Test
    void invalidChangeIsRefusedAndThePreviousConfigStays() throws IOException {
        final ReloadingPciConfig config = ReloadingPciConfig.open(write(GPUS, 1));

        write(INVALID, 2);

        assertThat(config.current().deviceSpecs().specs()).hasSize(1);
        assertThat(config.generation()).isZero();
    }

    @Test
    void fixedFileAfterAnInvalidOneTakesEffect() throws IOException {
        final ReloadingPciConfig config = ReloadingPciConfig.open(write(GPUS, 1));
        write(INVALID, 2);
        config.current();

        write(GPUS_AND_NVME, 3);

        assertThat(config.current().deviceSpecs().specs()).hasSize(2);
        assertThat(config.generation()).isEqualTo(1);
    }

    @Test
    void forcedReloadOfAnUnchangedFileIsNoNewGeneration() throws IOException {
        final ReloadingPciConfig config = ReloadingPciConfig.open(write(GPUS, 1));

        config.reloadNow();

        assertThat(config.generation()).isZero();
    }

    /** Writes the file with a distinct modification time, as successive edits have. */
    private Path write(final String content, final int edit) throws IOException {
        final Path file = dir.resolve("pci-config.json");
        Files.writeString(file, content);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2026-11-23T10:00:00Z").plusSeconds(edit)));
        return file;
    }
}
