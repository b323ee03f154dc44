package io.pciledger.bench;

import io.pciledger.query.config.QueryServiceConfig;
import java.lang.management.ManagementFactory;
import picocli.CommandLine.Option;

/**
 * The options every HTTP benchmark shares: where Kafka is, how the service's ledger is set up, and which tool
 * generates the load. A picocli mixin.
 */
final class HttpBenchOptions {

    @Option(names = "--quick", description = "Small sizes and a few seconds of load: does it work?")
    boolean quick;

    @Option(names = "--bootstrap-servers",
            description = "An existing cluster (default: an embedded single-node broker started for the run).")
    String bootstrapServers;

    @Option(names = "--partitions", defaultValue = "6",
            description = "Partitions of each of the run's topics (default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--commit-interval-ms",
            description = "The ledger's ledger.commit.interval.ms (default: the ledger's own default).")
    Long commitIntervalMs;

    @Option(names = "--http-threads",
            description = "The service's query.http.threads, its HTTP server's threads (default: the service's own "
                    + "default).")
    Integer httpThreads;

    @Option(names = "--load-tool", defaultValue = "auto",
            description = "auto (wrk when it is on the PATH, else Java), wrk or java (default ${DEFAULT-VALUE}).")
    String loadTool;

    @Option(names = "--wrk-threads", defaultValue = "1",
            description = "wrk's threads; each drives its share of the connections (default ${DEFAULT-VALUE}).")
    int wrkThreads;

    /** The machine's load average over the last minute: other work on the cores shows in every figure. */
    static double loadAverage() {
        return Math.round(ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage() * 100) / 100.0;
    }

    /** The {@code http_threads} figure: the server threads the service ran with. */
    Object httpThreadsFigure() {
        return httpThreads != null ? httpThreads
                : QueryServiceConfig.DEFINITION.defaultValues().get(QueryServiceConfig.HTTP_THREADS) + " (default)";
    }
}
