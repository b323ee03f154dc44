package io.pciledger.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * How a command reaches an existing Kafka cluster: {@code --bootstrap-servers}, and any client
 * property (TLS, SASL, timeouts) passed through from a properties file or {@code -X key=value}.
 * Later sources win: the file, then {@code -X}, then {@code --bootstrap-servers}.
 */
public final class KafkaClientOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "Kafka brokers to connect to (env PCI_LEDGER_BOOTSTRAP_SERVERS).",
            defaultValue = "${env:PCI_LEDGER_BOOTSTRAP_SERVERS}")
    private String bootstrapServers;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka client properties file (security.protocol, sasl.*, ssl.*, ...).")
    private Path kafkaConfig;

    @Option(names = {"-X", "--kafka-property"}, paramLabel = "KEY=VALUE",
            description = "One Kafka client property; may be repeated.")
    private Map<String, String> kafkaProperties = new LinkedHashMap<>();

    /**
     * @throws ParameterException (exit code 2) when no bootstrap servers are given or the file is unreadable
     */
    public Map<String, Object> clientProperties() {
        final Map<String, Object> properties = new LinkedHashMap<>();
        if (kafkaConfig != null) {
            properties.putAll(readFile(kafkaConfig));
        }
        properties.putAll(kafkaProperties);
        if (bootstrapServers != null && !bootstrapServers.isBlank()) {
            properties.put("bootstrap.servers", bootstrapServers);
        }
        if (!properties.containsKey("bootstrap.servers")) {
            throw new ParameterException(spec.commandLine(),
                    "no Kafka cluster given: pass --bootstrap-servers, set PCI_LEDGER_BOOTSTRAP_SERVERS,"
                            + " or put bootstrap.servers in --kafka-config");
        }
        return properties;
    }

    private Map<String, String> readFile(final Path file) {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read --kafka-config " + file + ": " + e.getMessage());
        }
        final Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key)));
        return values;
    }
}
