package io.pciledger.cli;

import io.pciledger.ledger.config.LedgerConfig;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The ledger's configuration from its sources, later ones winning: a Kafka client properties file (each key as
 * {@code streams.KEY}), a properties file of {@link LedgerConfig} keys, the {@code PCI_LEDGER_*} environment
 * variables, the command's flags. A file that cannot be read, an invalid value or an unknown key is a usage error
 * (exit code 2) whose message names the file or the key.
 */
final class LedgerConfigSources {

    private LedgerConfigSources() {
    }

    /**
     * @param sources the command's files and flags
     * @throws ParameterException naming the file or key that is wrong
     */
    static LedgerConfig load(final LayeredConfigOptions sources, final Map<String, String> environment,
                             final CommandLine commandLine) {
        final Path file = sources.configFile;
        final Map<String, Object> values = layered(sources, LedgerConfig.environmentOverrides(environment),
                commandLine);
        final LedgerConfig config;
        try {
            config = new LedgerConfig(values);
        } catch (ConfigException e) {
            throw new ParameterException(commandLine, "invalid ledger configuration" + from(file) + ": "
                    + e.getMessage());
        }
        final Set<String> unknown = config.unknownKeys();
        if (!unknown.isEmpty()) {
            throw new ParameterException(commandLine, "unknown ledger configuration key(s) " + unknown + from(file)
                    + ": ledger keys start with 'ledger.' (see --help), Kafka Streams keys with 'streams.', "
                    + "topic settings with 'topics.'");
        }
        return config;
    }

    /**
     * The configuration values of the Kafka client properties file (as {@code streams.KEY}), overridden by those of
     * the configuration file, overridden by those of the environment, overridden by the flags.
     *
     * @param environment the keys the environment sets (already named as keys)
     * @throws ParameterException naming the file when it cannot be read
     */
    static Map<String, Object> layered(final LayeredConfigOptions sources, final Map<String, String> environment,
                                       final CommandLine commandLine) {
        final Map<String, Object> values = new LinkedHashMap<>();
        if (sources.kafkaConfig != null) {
            readFile(sources.kafkaConfig, "--kafka-config", commandLine).forEach((key, value) ->
                    values.put(LedgerConfig.STREAMS_PREFIX + key, value));
        }
        if (sources.configFile != null) {
            values.putAll(readFile(sources.configFile, "--config", commandLine));
        }
        values.putAll(environment);
        values.putAll(sources.flags());
        return values;
    }

    /** Where the configuration came from, for messages. */
    static String from(final Path file) {
        return file == null ? " (environment and flags)" : " (" + file + ", environment and flags)";
    }

    private static Map<String, String> readFile(final Path file, final String option, final CommandLine commandLine) {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ParameterException(commandLine, "cannot read " + option + " " + file + ": " + describe(e));
        }
        final Map<String, String> values = new LinkedHashMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key).trim()));
        return values;
    }

    private static String describe(final Exception e) {
        return e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.toString();
    }
}
