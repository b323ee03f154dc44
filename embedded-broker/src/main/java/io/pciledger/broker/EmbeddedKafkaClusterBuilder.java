package io.pciledger.broker;

import io.pciledger.broker.internals.ClusterSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Describes an {@link EmbeddedKafkaCluster} before it starts. Every setting has a default that suits
 * a test or the one-command demo:
 *
 * <pre>{@code
 * try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.builder()
 *         .nodes(3)
 *         .dataDir(Path.of("data/kafka"))      // kept across runs; default: a temporary directory
 *         .brokerPort(0, 9092)                  // default: a free port on 127.0.0.1
 *         .brokerProperty("log.retention.hours", "1")
 *         .build()
 *         .start()) {
 *     String bootstrap = kafka.bootstrapServers();
 * }
 * }</pre>
 */
public final class EmbeddedKafkaClusterBuilder {

    private static final Pattern HEAP_SIZE = Pattern.compile("[1-9][0-9]*[kKmMgG]?");
    private static final int MAX_PORT = 65_535;

    private int nodes = 1;
    private Path dataDir;
    private final Map<Integer, Integer> brokerPorts = new TreeMap<>();
    private final Map<Integer, Integer> controllerPorts = new TreeMap<>();
    private String heap = "512m";
    private final Map<String, String> brokerProperties = new LinkedHashMap<>();
    private Duration startupTimeout = Duration.ofSeconds(60);

    EmbeddedKafkaClusterBuilder() {
    }

    /**
     * How many nodes, each a combined broker and controller, numbered from 0. Default 1.
     *
     * @param count at least 1
     * @return this builder
     */
    public EmbeddedKafkaClusterBuilder nodes(final int count) {
        if (count < 1) {
            throw new IllegalArgumentException("nodes must be at least 1, got " + count);
        }
        this.nodes = count;
        return this;
    }

    /**
     * A data directory to keep across runs. A node already formatted there keeps its cluster id and
     * data; the others are formatted. Reuse it with the same node count: the quorum is static.
     * Default: a temporary directory, deleted on close.
     *
     * @param directory created if it does not exist
     * @return this builder
     */
    public EmbeddedKafkaClusterBuilder dataDir(final Path directory) {
        this.dataDir = directory;
        return this;
    }

    /**
     * The port on 127.0.0.1 where clients reach a node. Default 0: a free port, chosen at start.
     *
     * @param nodeId the node, from 0
     * @param port   the port, or 0 for a free one
     * @return this builder
     */
    public EmbeddedKafkaClusterBuilder brokerPort(final int nodeId, final int port) {
        brokerPorts.put(nodeId, checkedPort("brokerPort", nodeId, port));
        return this;
    }

    /**
     * The port on 127.0.0.1 where a node's controller listens for the quorum. Default 0: a free port.
     *
     * @param nodeId the node, from 0
     * @param port   the port, or 0 for a free one
     * @return this builder
     */
    public EmbeddedKafkaClusterBuilder controllerPort(final int nodeId, final int port) {
        controllerPorts.put(nodeId, checkedPort("controllerPort", nodeId, port));
        return this;
    }

    /**
     * The maximum heap of each node's JVM, as for {@code -Xmx}. Default {@code 512m}.
     *
     * @param size such as {@code 512m} or {@code 1g}
     * @return this builder
     */
    public EmbeddedKafkaClusterBuilder heap(final String size) {
        if (size == null || !HEAP_SIZE.matcher(size).matches()) {
            throw new IllegalArgumentException("heap must be a JVM memory size such as 512m or 1g, got '" + size + "'");
        }
        this.heap = size;
        return this;
    }

    /**
     * An extra {@code server.properties} entry for every node, applied over the defaults.
     *
     * @param key   the broker configuration key
     * @param value its value
     * @return this builder
     */
    public EmbeddedKafkaClusterBuilder brokerProperty(final String key, final String value) {
        if (key == null || key.isBlank() || value == null) {
            throw new IllegalArgumentException("brokerProperty needs a key and a value, got " + key + "=" + value);
        }
        brokerProperties.put(key, value);
        return this;
    }

    /**
     * How long formatting, and then starting the nodes, may each take before start fails. Default 60 s.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public EmbeddedKafkaClusterBuilder startupTimeout(final Duration timeout) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("startupTimeout must be positive, got " + timeout);
        }
        this.startupTimeout = timeout;
        return this;
    }

    /**
     * Checks the settings together and creates the cluster, not started yet.
     *
     * @return a cluster to {@link EmbeddedKafkaCluster#start() start}
     */
    public EmbeddedKafkaCluster build() {
        requireExistingNodes("brokerPort", brokerPorts);
        requireExistingNodes("controllerPort", controllerPorts);
        return new EmbeddedKafkaCluster(new ClusterSettings(nodes, Optional.ofNullable(dataDir),
                brokerPorts, controllerPorts, heap, brokerProperties, startupTimeout));
    }

    private static int checkedPort(final String setting, final int nodeId, final int port) {
        if (port < 0 || port > MAX_PORT) {
            throw new IllegalArgumentException(setting + " of node " + nodeId + " must be 0 (a free port) or a port number up to "
                    + MAX_PORT + ", got " + port);
        }
        return port;
    }

    private void requireExistingNodes(final String setting, final Map<Integer, Integer> ports) {
        ports.keySet().stream().filter(nodeId -> nodeId < 0 || nodeId >= nodes).findFirst().ifPresent(nodeId -> {
            throw new IllegalArgumentException(setting + " was set for node " + nodeId + " but the cluster has "
                    + nodes + " node(s), numbered 0 to " + (nodes - 1));
        });
    }
}
