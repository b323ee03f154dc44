package io.pciledger.broker.internals;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.kafka.common.Uuid;

/**
 * Decides the cluster id: the one already written in the nodes' {@code meta.properties} when the
 * data directory was formatted by an earlier run, a new random one otherwise.
 */
public final class ClusterIdentity {

    private ClusterIdentity() {
    }

    /**
     * Finds the cluster id the data directory already holds, or makes a new one.
     *
     * @param dataDirectory the cluster's data directory
     * @param nodes         how many nodes the cluster has
     * @return the cluster id every node must be formatted with
     * @throws IllegalStateException if formatted nodes disagree about their cluster id
     */
    public static String existingOrNew(final DataDirectory dataDirectory, final int nodes) {
        final Map<Integer, String> formatted = new TreeMap<>();
        for (int nodeId = 0; nodeId < nodes; nodeId++) {
            final int formattedNode = nodeId;
            formattedClusterId(dataDirectory.node(nodeId)).ifPresent(id -> formatted.put(formattedNode, id));
        }
        if (formatted.values().stream().distinct().count() > 1) {
            throw new IllegalStateException("The nodes in " + dataDirectory.root()
                    + " belong to different clusters (cluster id by node: " + formatted
                    + "); give the cluster a fresh data directory");
        }
        return formatted.values().stream().findFirst().orElseGet(() -> Uuid.randomUuid().toString());
    }

    /**
     * Reads the cluster id a node was formatted with.
     *
     * @param node the node's files
     * @return the cluster id, or empty if the node has not been formatted
     */
    public static Optional<String> formattedClusterId(final NodeFiles node) {
        final Path metaProperties = node.metaProperties();
        if (!Files.exists(metaProperties)) {
            return Optional.empty();
        }
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(metaProperties, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (final IOException e) {
            throw new UncheckedIOException("Could not read " + metaProperties, e);
        }
        return Optional.ofNullable(properties.getProperty("cluster.id"));
    }
}
