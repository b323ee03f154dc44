package io.pciledger.broker;

import io.pciledger.broker.internals.BrokerProcessMain;
import io.pciledger.broker.internals.ChildJvmLauncher;
import io.pciledger.broker.internals.ClusterIdentity;
import io.pciledger.broker.internals.ClusterReadiness;
import io.pciledger.broker.internals.ClusterSettings;
import io.pciledger.broker.internals.DataDirectory;
import io.pciledger.broker.internals.LoopbackPorts;
import io.pciledger.broker.internals.NodeAddress;
import io.pciledger.broker.internals.NodeFiles;
import io.pciledger.broker.internals.NodeProcess;
import io.pciledger.broker.internals.ServerProperties;
import io.pciledger.broker.internals.StorageFormatter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka cluster in KRaft mode, each node a child JVM of this one, listening on
 * 127.0.0.1 only. It serves the one-command demo and the tests of every module.
 *
 * <p>Every node is a combined broker and controller ({@code process.roles=broker,controller}); the
 * controllers form a static quorum of all nodes. Nodes are numbered from 0 and that number is their
 * {@code node.id}. The brokers run Kafka's own {@code kafka.Kafka} from the {@code kafka_2.13} jar
 * on this JVM's class path; see {@link ChildJvmLauncher} for why that is always there.
 *
 * <p>Lifetime: {@link #start()} formats the storage and waits until every node is a live broker.
 * {@link #close()} stops every node and deletes a temporary data directory. A JVM shutdown hook
 * closes the cluster if its owner exits without closing it, and each child exits by itself when this
 * JVM dies without running hooks ({@code kill -9}), see {@link BrokerProcessMain}.
 *
 * <p>Failure drills: {@link #stopNode(int)} (SIGTERM, a clean shutdown), {@link #killNode(int)}
 * (SIGKILL, a crash) and {@link #startNode(int)} (the same node back, with its ports and data).
 * Kafka creates its consumer-offsets and transaction topics on first use with {@code min(3, nodes)}
 * replicas, which needs that many live nodes at that moment: on three nodes, run the consumer group
 * or transaction once before the first kill.
 *
 * <p>The brokers are configured for exactly-once Kafka Streams on one node as on three, and sized
 * for a small machine; the defaults and their reasons are listed in {@link ServerProperties}.
 *
 * <pre>{@code
 * try (EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.builder().nodes(3).build().start()) {
 *     kafka.killNode(1);
 *     kafka.startNode(1);
 * }
 * }</pre>
 */
public final class EmbeddedKafkaCluster implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafkaCluster.class);
    private static final Duration STOP_GRACE_PERIOD = Duration.ofSeconds(30);
    private static final List<String> BROKER_JVM_OPTIONS = List.of("-XX:+ExitOnOutOfMemoryError", "-Djava.awt.headless=true");

    private final ClusterSettings settings;
    private final ClusterReadiness readiness;
    private final Map<Integer, NodeProcess> nodes = new TreeMap<>();
    private final Thread shutdownHook = new Thread(this::close, "embedded-kafka-cluster-shutdown");
    private DataDirectory dataDirectory;
    private ChildJvmLauncher launcher;
    private List<NodeAddress> addresses;
    private String clusterId;
    private boolean started;
    private boolean closed;

    EmbeddedKafkaCluster(final ClusterSettings settings) {
        this.settings = settings;
        this.readiness = new ClusterReadiness(settings.startupTimeout());
    }

    /** Starts describing a cluster: one node on free ports in a temporary directory unless told otherwise. */
    public static EmbeddedKafkaClusterBuilder builder() {
        return new EmbeddedKafkaClusterBuilder();
    }

    /**
     * Formats the nodes' storage where needed, starts every node and waits until all are live brokers.
     * If anything fails, the nodes already started are stopped again before the exception leaves.
     *
     * @return this cluster, started
     * @throws KafkaNodeStartupException naming the node that failed, its exit code and its log tail
     * @throws IllegalStateException     if the cluster was started before
     */
    public synchronized EmbeddedKafkaCluster start() {
        if (started || closed) {
            throw new IllegalStateException("An embedded Kafka cluster starts once; this one was "
                    + (closed ? "closed" : "started") + " already. Use startNode(int) to restart a node.");
        }
        started = true;
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            dataDirectory = settings.dataDir().map(DataDirectory::kept).orElseGet(DataDirectory::temporary);
            launcher = ChildJvmLauncher.sharingThisClassPath(dataDirectory);
            addresses = LoopbackPorts.assign(settings);
            addresses.forEach(this::writeServerProperties);
            clusterId = ClusterIdentity.existingOrNew(dataDirectory, settings.nodes());
            new StorageFormatter(launcher, settings.startupTimeout())
                    .formatUnformatted(dataDirectory, settings.nodes(), clusterId);
            addresses.forEach(address -> nodes.put(address.nodeId(), launchNode(address.nodeId())));
            readiness.awaitLive(addresses, nodes.values());
        } catch (final RuntimeException failure) {
            close();
            throw failure;
        }
        LOG.info("Embedded Kafka cluster {} is up: {} node(s) at {}, data in {}",
                clusterId, settings.nodes(), bootstrapServers(), dataDirectory.root());
        return this;
    }

    /** The {@code bootstrap.servers} of the cluster: every node's client endpoint, running or not. */
    public synchronized String bootstrapServers() {
        requireStarted();
        return addresses.stream().map(NodeAddress::brokerEndpoint).collect(Collectors.joining(","));
    }

    /** How many nodes the cluster has, running or not. */
    public int nodeCount() {
        return settings.nodes();
    }

    /** The cluster id the nodes were formatted with; the same across runs on a kept data directory. */
    public synchronized String clusterId() {
        requireStarted();
        return clusterId;
    }

    /** The directory the nodes keep their data and logs in (each node's output is in {@code node-<id>/output.log}). */
    public synchronized Path dataDir() {
        requireStarted();
        return dataDirectory.root();
    }

    /**
     * Stops a node gracefully (SIGTERM, Kafka's controlled shutdown) and waits until its JVM has exited;
     * a node that takes longer than 30 s is killed.
     *
     * @param nodeId the node, from 0
     */
    public synchronized void stopNode(final int nodeId) {
        runningNode(nodeId).stop(STOP_GRACE_PERIOD);
        nodes.remove(nodeId);
    }

    /**
     * Kills a node with SIGKILL, as a crash or power loss would, and waits until its JVM is gone.
     *
     * @param nodeId the node, from 0
     */
    public synchronized void killNode(final int nodeId) {
        runningNode(nodeId).kill();
        nodes.remove(nodeId);
    }

    /**
     * Starts a stopped or killed node again, with the same ports and data, and waits until it is a
     * live broker again.
     *
     * @param nodeId the node, from 0
     * @throws KafkaNodeStartupException if it exits or does not rejoin within the startup timeout
     */
    public synchronized void startNode(final int nodeId) {
        requireStarted();
        if (isRunning(nodeId)) {
            throw new IllegalStateException("Kafka node " + nodeId + " is running already; stop or kill it first");
        }
        final NodeProcess node = launchNode(nodeId);
        nodes.put(nodeId, node);
        try {
            readiness.awaitLive(addresses, List.of(node));
        } catch (final RuntimeException failure) {
            node.kill();
            nodes.remove(nodeId);
            throw failure;
        }
    }

    /**
     * Whether a node's JVM is running (it may still be joining or leaving the cluster).
     *
     * @param nodeId the node, from 0
     * @return true while the node's JVM is alive
     */
    public synchronized boolean isRunning(final int nodeId) {
        requireNode(nodeId);
        final NodeProcess node = nodes.get(nodeId);
        return node != null && node.isAlive();
    }

    /**
     * Stops every node (SIGTERM to all at once, then up to 30 s each before SIGKILL) and deletes a
     * temporary data directory. Calling it again does nothing.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        removeShutdownHook();
        nodes.values().forEach(NodeProcess::requestStop);
        nodes.values().forEach(node -> node.stop(STOP_GRACE_PERIOD));
        nodes.clear();
        if (dataDirectory != null) {
            dataDirectory.deleteIfTemporary();
        }
    }

    private void writeServerProperties(final NodeAddress address) {
        final NodeFiles files = dataDirectory.node(address.nodeId());
        ServerProperties.write(
                ServerProperties.forNode(address, addresses, files.kafkaLogDirectory(), settings.brokerProperties()),
                files.serverProperties());
    }

    private NodeProcess launchNode(final int nodeId) {
        final NodeFiles files = dataDirectory.node(nodeId);
        final List<String> jvmOptions = Stream.concat(Stream.of("-Xmx" + settings.heap()), BROKER_JVM_OPTIONS.stream()).toList();
        final Process process = launcher.launch(jvmOptions, BrokerProcessMain.class.getName(),
                List.of(files.serverProperties().toString()), files.outputLog());
        return new NodeProcess(nodeId, process, files.outputLog());
    }

    private NodeProcess runningNode(final int nodeId) {
        requireStarted();
        if (!isRunning(nodeId)) {
            throw new IllegalStateException("Kafka node " + nodeId + " is not running");
        }
        return nodes.get(nodeId);
    }

    private void requireNode(final int nodeId) {
        if (nodeId < 0 || nodeId >= settings.nodes()) {
            throw new IllegalArgumentException("There is no Kafka node " + nodeId + ": this cluster has "
                    + settings.nodes() + " node(s), numbered 0 to " + (settings.nodes() - 1));
        }
    }

    private void requireStarted() {
        if (!started || closed) {
            throw new IllegalStateException("The embedded Kafka cluster is " + (closed ? "closed" : "not started yet"));
        }
    }

    private void removeShutdownHook() {
        if (Thread.currentThread() == shutdownHook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (final IllegalStateException shuttingDown) {
            // The JVM is already exiting; the hook will find the cluster closed.
        }
    }
}
