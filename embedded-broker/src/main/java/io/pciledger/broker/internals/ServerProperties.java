package io.pciledger.broker.internals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The {@code server.properties} of one node: a combined broker and controller on loopback, in a
 * static quorum of every node, sized for a small machine and ready for exactly-once Kafka Streams.
 *
 * <p>Defaults worth knowing:
 * <ul>
 *   <li>The internal topics of consumer offsets and transactions are replicated to
 *       {@code min(3, nodes)} nodes with a minimum in-sync set of {@code min(2, nodes)}, so
 *       {@code exactly_once_v2} works on one node and survives the loss of one node of three.
 *       Kafka creates these topics on first use and needs that many live nodes then: on a
 *       three-node cluster, run a transaction and a consumer group once before killing a node.
 *       Topics created without a replication factor (Streams' changelogs) get {@code min(3, nodes)}.</li>
 *   <li>{@code min.insync.replicas} is 1: the provisioning of each topic sets its own.</li>
 *   <li>Topics are never created by accident ({@code auto.create.topics.enable=false}).</li>
 *   <li>Consumer groups rebalance at once ({@code group.initial.rebalance.delay.ms=0}).</li>
 *   <li>Few threads, few internal partitions and a small log-cleaner buffer, so that a node
 *       starts fast and fits in a 512 MB heap.</li>
 * </ul>
 * Properties the caller gives are applied last and win over these defaults.
 */
public final class ServerProperties {

    private static final int FEW_INTERNAL_PARTITIONS = 5;
    private static final int SMALL_CLEANER_BUFFER_BYTES = 16 * 1024 * 1024;

    private ServerProperties() {
    }

    /**
     * Builds a node's configuration.
     *
     * @param node              the node
     * @param quorum            every node of the cluster, the node itself included
     * @param kafkaLogDirectory the node's {@code log.dirs}
     * @param overrides         the caller's extra properties
     * @return the properties, ready to write
     */
    public static Properties forNode(final NodeAddress node, final List<NodeAddress> quorum,
                                     final Path kafkaLogDirectory, final Map<String, String> overrides) {
        final int replicas = Math.min(3, quorum.size());
        final int minInSync = Math.min(2, quorum.size());
        final Properties properties = new Properties();
        properties.setProperty("process.roles", "broker,controller");
        properties.setProperty("node.id", Integer.toString(node.nodeId()));
        properties.setProperty("controller.quorum.voters",
                quorum.stream().map(NodeAddress::quorumVoter).collect(Collectors.joining(",")));
        properties.setProperty("listeners", "PLAINTEXT://" + node.brokerEndpoint()
                + ",CONTROLLER://" + NodeAddress.LOOPBACK + ":" + node.controllerPort());
        properties.setProperty("advertised.listeners", "PLAINTEXT://" + node.brokerEndpoint());
        properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.setProperty("controller.listener.names", "CONTROLLER");
        properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
        properties.setProperty("log.dirs", kafkaLogDirectory.toAbsolutePath().toString());

        properties.setProperty("auto.create.topics.enable", "false");
        properties.setProperty("num.partitions", "1");
        properties.setProperty("default.replication.factor", Integer.toString(replicas));
        properties.setProperty("min.insync.replicas", "1");
        properties.setProperty("offsets.topic.replication.factor", Integer.toString(replicas));
        properties.setProperty("offsets.topic.num.partitions", Integer.toString(FEW_INTERNAL_PARTITIONS));
        properties.setProperty("transaction.state.log.replication.factor", Integer.toString(replicas));
        properties.setProperty("transaction.state.log.min.isr", Integer.toString(minInSync));
        properties.setProperty("transaction.state.log.num.partitions", Integer.toString(FEW_INTERNAL_PARTITIONS));
        properties.setProperty("share.coordinator.state.topic.replication.factor", Integer.toString(replicas));
        properties.setProperty("share.coordinator.state.topic.min.isr", Integer.toString(minInSync));
        properties.setProperty("share.coordinator.state.topic.num.partitions", Integer.toString(FEW_INTERNAL_PARTITIONS));
        properties.setProperty("group.initial.rebalance.delay.ms", "0");

        properties.setProperty("num.network.threads", "2");
        properties.setProperty("num.io.threads", "4");
        properties.setProperty("background.threads", "4");
        properties.setProperty("group.coordinator.threads", "1");
        properties.setProperty("share.coordinator.threads", "1");
        properties.setProperty("num.recovery.threads.per.data.dir", "1");
        properties.setProperty("log.cleaner.threads", "1");
        properties.setProperty("log.cleaner.dedupe.buffer.size", Integer.toString(SMALL_CLEANER_BUFFER_BYTES));

        overrides.forEach(properties::setProperty);
        return properties;
    }

    /**
     * Writes a node's configuration to its {@code server.properties}.
     *
     * @param properties the configuration
     * @param file       the file to write, replaced if it exists
     */
    public static void write(final Properties properties, final Path file) {
        try {
            Files.createDirectories(file.getParent());
            try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                properties.store(writer, "Generated by the PCI Ledger embedded Kafka cluster; rewritten at every start");
            }
        } catch (final IOException e) {
            throw new UncheckedIOException("Could not write the Kafka node configuration " + file, e);
        }
    }
}
