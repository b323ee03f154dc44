package io.pciledger.broker.internals;

import java.nio.file.Path;

/**
 * The files of one node inside the cluster's data directory.
 *
 * <pre>
 * node-0/
 *   server.properties   generated at every start
 *   output.log          the node's standard output and error, appended across runs
 *   kafka-logs/         Kafka's log.dirs, with meta.properties once formatted
 * </pre>
 *
 * @param directory the node's own directory
 */
public record NodeFiles(Path directory) {

    /** The generated configuration the node's JVM runs with. */
    public Path serverProperties() {
        return directory.resolve("server.properties");
    }

    /** Where the node's JVM writes its standard output and standard error. */
    public Path outputLog() {
        return directory.resolve("output.log");
    }

    /** Kafka's {@code log.dirs}: the partitions and the metadata log. */
    public Path kafkaLogDirectory() {
        return directory.resolve("kafka-logs");
    }

    /** The file the storage tool writes when it formats the node; its presence means "formatted". */
    public Path metaProperties() {
        return kafkaLogDirectory().resolve("meta.properties");
    }
}
