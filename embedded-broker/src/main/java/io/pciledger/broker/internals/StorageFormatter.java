package io.pciledger.broker.internals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Formats the storage of the nodes that have none yet, by running Kafka's own storage tool
 * ({@code kafka.tools.StorageTool format --cluster-id <id> --config <server.properties>}, the class
 * behind {@code kafka-storage.sh}) in one child JVM per node, all at once.
 *
 * <p>A node whose {@code meta.properties} exists is left as it is: its data and cluster id are kept.
 */
public final class StorageFormatter {

    private static final String STORAGE_TOOL = "kafka.tools.StorageTool";
    private static final List<String> SHORT_LIVED_JVM = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final ChildJvmLauncher launcher;
    private final Duration timeout;

    /**
     * Creates a formatter.
     *
     * @param launcher starts the storage tool's JVMs
     * @param timeout  how long formatting may take
     */
    public StorageFormatter(final ChildJvmLauncher launcher, final Duration timeout) {
        this.launcher = launcher;
        this.timeout = timeout;
    }

    /**
     * Formats every node of the data directory that is not formatted yet.
     *
     * @param dataDirectory the cluster's data directory, with each node's {@code server.properties} written
     * @param nodes         how many nodes the cluster has
     * @param clusterId     the id to format with
     * @throws io.pciledger.broker.KafkaNodeStartupException if the tool fails for a node
     */
    public void formatUnformatted(final DataDirectory dataDirectory, final int nodes, final String clusterId) {
        final List<NodeProcess> formatting = new ArrayList<>();
        for (int nodeId = 0; nodeId < nodes; nodeId++) {
            final NodeFiles node = dataDirectory.node(nodeId);
            if (ClusterIdentity.formattedClusterId(node).isEmpty()) {
                formatting.add(start(nodeId, node, clusterId));
            }
        }
        for (final NodeProcess tool : formatting) {
            final boolean exited = tool.awaitExit(timeout);
            if (!exited || tool.exitCode().orElseThrow() != 0) {
                formatting.forEach(NodeProcess::kill);
                throw tool.failure("Formatting the storage of Kafka node " + tool.nodeId() + " failed"
                        + (exited ? "" : " to finish within " + timeout));
            }
        }
    }

    private NodeProcess start(final int nodeId, final NodeFiles node, final String clusterId) {
        final List<String> arguments = List.of("format",
                "--cluster-id", clusterId,
                "--config", node.serverProperties().toString());
        final Process process = launcher.launch(SHORT_LIVED_JVM, STORAGE_TOOL, arguments, node.outputLog());
        return new NodeProcess(nodeId, process, node.outputLog());
    }
}
