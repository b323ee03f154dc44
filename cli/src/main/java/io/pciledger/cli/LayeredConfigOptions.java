package io.pciledger.cli;

import io.pciledger.ledger.config.LedgerConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options of a command configured in layers (file, then environment, then flags), as {@code ledger} and
 * {@code serve} are: {@code --config FILE}, {@code --bootstrap-servers} and {@code -X KEY=VALUE}; and, beneath them
 * all, {@code --kafka-config FILE}, the Kafka client properties file every other command takes, so one file of
 * TLS or SASL settings serves them all.
 */
final class LayeredConfigOptions {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Properties file of configuration keys (listed below; example in docs/ledger.properties.example).")
    Path configFile;

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT[,HOST:PORT...]",
            description = "Kafka brokers to connect to; overrides bootstrap.servers of the file and the environment.")
    String bootstrapServers;

    @Option(names = "--kafka-config", paramLabel = "FILE",
            description = "Kafka client properties file (security.protocol, sasl.*, ssl.*, ...), as the other commands"
                    + " take it: each KEY reaches every Kafka client as streams.KEY; --config, the environment and -X"
                    + " win over it.")
    Path kafkaConfig;

    @Option(names = {"-X", "--set"}, paramLabel = "KEY=VALUE",
            description = "Any configuration key, over the file and the environment, e.g. -X streams.num.standby.replicas=1; may be repeated.")
    Map<String, String> overrides = new LinkedHashMap<>();

    /** The flags as configuration keys: {@code -X} pairs, then {@code --bootstrap-servers}. */
    Map<String, String> flags() {
        final Map<String, String> flags = new LinkedHashMap<>(overrides);
        if (bootstrapServers != null) {
            flags.put(LedgerConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        }
        return flags;
    }
}
