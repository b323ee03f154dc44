package io.pciledger.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pciledger.ledger.config.LedgerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.ParameterException;

/** The layers of {@code ledger} and {@code serve}: client properties file, then config file, environment, flags. */
class LedgerConfigSourcesTest {

    @TempDir
    Path dir;

    @Test
    void kafkaClientPropertiesArriveAsStreamsKeysBeneathEveryOtherSource() throws Exception {
        final LayeredConfigOptions sources = new LayeredConfigOptions();
        sources.kafkaConfig = Files.writeString(dir.resolve("client.properties"),
                "security.protocol=SSL\nssl.truststore.location=/etc/kafka/truststore.jks\nclient.dns.lookup=a\n");
        sources.configFile = Files.writeString(dir.resolve("ledger.properties"),
                "bootstrap.servers=kafka-1:9093\nstreams.client.dns.lookup=b\n");
        sources.overrides.put("streams.ssl.truststore.location", "/run/secrets/truststore.jks");

        final Map<String, Object> values = LedgerConfigSources.layered(sources, Map.of(),
                PciLedgerCommand.commandLine());

        assertThat(values).containsEntry("streams.security.protocol", "SSL")
                .containsEntry("streams.ssl.truststore.location", "/run/secrets/truststore.jks")
                .containsEntry("streams.client.dns.lookup", "b")
                .containsEntry(LedgerConfig.BOOTSTRAP_SERVERS, "kafka-1:9093");
    }

    @Test
    void anUnreadableKafkaConfigIsAUsageErrorNamingTheOption() {
        final LayeredConfigOptions sources = new LayeredConfigOptions();
        sources.kafkaConfig = dir.resolve("missing.properties");

        assertThatThrownBy(() -> LedgerConfigSources.layered(sources, Map.of(), PciLedgerCommand.commandLine()))
                .isInstanceOf(ParameterException.class)
                .hasMessageContaining("cannot read --kafka-config " + sources.kafkaConfig);
    }
}
