package io.pciledger.bench;

import io.pciledger.ledger.config.LedgerConfig;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import picocli.CommandLine.Option;

/** The options every ledger benchmark shares: those of {@link KafkaBenchOptions}, and how the ledger runs. */
final class LedgerBenchOptions extends KafkaBenchOptions {

    @Option(names = "--commit-interval-ms",
            description = "The ledger's ledger.commit.interval.ms (default: the ledger's own default).")
    Long commitIntervalMs;

    @Option(names = "--stream-threads",
            description = "The ledger's stream threads, streams.num.stream.threads (default: Kafka Streams' default, 1).")
    Integer streamThreads;

    @Option(names = {"-X", "--ledger-setting"}, paramLabel = "KEY=VALUE",
            description = "Any other ledger setting, as in ledger.properties, e.g. -X streams.producer.linger.ms=5; "
                    + "repeatable.")
    Map<String, String> extraSettings = new HashMap<>();

    /** The {@link LedgerConfig} keys these options set. */
    Map<String, Object> ledgerSettings() {
        requirePositive("--partitions", partitions);
        final Map<String, Object> settings = new HashMap<>(extraSettings);
        if (commitIntervalMs != null) {
            requirePositive("--commit-interval-ms", commitIntervalMs);
            settings.put(LedgerConfig.COMMIT_INTERVAL_MS, commitIntervalMs);
        }
        if (streamThreads != null) {
            requirePositive("--stream-threads", streamThreads);
            settings.put(LedgerConfig.STREAMS_PREFIX + "num.stream.threads", streamThreads);
        }
        return settings;
    }

    /**
     * The Kafka Streams properties the ledger would run with (commit interval, threads, poll, no record cache, the
     * RocksDB budget, any {@code -X streams.*} setting), for another application run like it; without the ledger's
     * application id, brokers and state directory, which that application names itself.
     */
    Map<String, Object> plainStreamsSettings() {
        final Map<String, Object> config = new HashMap<>(ledgerSettings());
        config.put(LedgerConfig.BOOTSTRAP_SERVERS, "unused:9092");
        final Map<String, Object> settings = new HashMap<>();
        new LedgerConfig(config).streamsProperties().forEach((key, value) -> settings.put((String) key, value));
        settings.remove(StreamsConfig.APPLICATION_ID_CONFIG);
        settings.remove(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG);
        settings.remove(StreamsConfig.STATE_DIR_CONFIG);
        return settings;
    }

    /** The ledger's stream threads, as {@code --stream-threads} gives them or Kafka Streams' default of 1. */
    int effectiveStreamThreads() {
        return streamThreads == null ? 1 : streamThreads;
    }

    /** The ledger's commit interval as it will run. */
    long effectiveCommitIntervalMs() {
        return commitIntervalMs != null ? commitIntervalMs
                : new LedgerConfig(Map.of(LedgerConfig.BOOTSTRAP_SERVERS, "unused:9092"))
                        .getLong(LedgerConfig.COMMIT_INTERVAL_MS);
    }
}
