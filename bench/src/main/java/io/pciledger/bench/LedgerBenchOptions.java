package io.pciledger.bench;

import io.pciledger.ledger.config.LedgerConfig;
import java.util.HashMap;
import java.util.Map;
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

    /** The Kafka Streams properties of a plain application run like the ledger: commit interval and threads. */
    Map<String, Object> plainStreamsSettings() {
        final Map<String, Object> settings = new HashMap<>();
        settings.put("commit.interval.ms", effectiveCommitIntervalMs());
        if (streamThreads != null) {
            settings.put("num.stream.threads", streamThreads);
        }
        return settings;
    }

    /** The ledger's commit interval as it will run. */
    long effectiveCommitIntervalMs() {
        return commitIntervalMs != null ? commitIntervalMs
                : new LedgerConfig(Map.of(LedgerConfig.BOOTSTRAP_SERVERS, "unused:9092"))
                        .getLong(LedgerConfig.COMMIT_INTERVAL_MS);
    }
}
