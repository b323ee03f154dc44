package io.pciledger.testkit.internals;

import io.pciledger.testkit.Backend;
import io.pciledger.testkit.FreePorts;
import io.pciledger.testkit.NodeControl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.utility.DockerImageName;

/**
 * A cluster of several brokers under the {@link Backend#TESTCONTAINERS} backend: one container of the official
 * {@code apache/kafka} image per node, each a combined broker and controller in a static KRaft quorum of all nodes,
 * configured through the image's {@code KAFKA_*} environment variables as {@code docker/compose.yaml} configures its
 * brokers, and as the embedded cluster sizes its internal topics ({@code min(3, nodes)} replicas, a minimum
 * in-sync set of {@code min(2, nodes)}).
 *
 * <p>Each node has three listeners: {@code CLIENT} on a fixed port of the Docker host, the same port inside the
 * container, so that the advertised address stays right when a killed node is started again; {@code BROKER} and
 * {@code CONTROLLER} on the containers' own network. The ports are free ports of this machine, which assumes the
 * Docker engine runs here (not behind a remote {@code DOCKER_HOST}).
 *
 * <p>{@link #nodeControl()} kills ({@code docker kill}), stops ({@code docker stop}) and starts
 * ({@code docker start}) a node's container; its data stays in the container, so a node started again rejoins
 * with its log.
 */
final class ContainerQuorumCluster implements ManagedCluster {

    private static final int BROKER_PORT = 9092;
    private static final int CONTROLLER_PORT = 9093;
    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    private final Network network;
    private final List<GenericContainer<?>> nodes;
    private final String bootstrapServers;
    private final ContainerNodeControl nodeControl;

    private ContainerQuorumCluster(final Network network, final List<GenericContainer<?>> nodes,
            final String bootstrapServers) {
        this.network = network;
        this.nodes = List.copyOf(nodes);
        this.bootstrapServers = bootstrapServers;
        this.nodeControl = new ContainerNodeControl(this.nodes, bootstrapServers, STARTUP_TIMEOUT);
    }

    /** Starts {@code brokers} nodes together (a quorum needs a majority to start), or aborts the test where none can. */
    static ContainerQuorumCluster start(final int brokers) {
        ContainerBackendCluster.reasonItCannotRun().ifPresent(Assumptions::abort);
        final Network network = Network.newNetwork();
        final String dockerHost = DockerClientFactory.instance().dockerHostIpAddress();
        final List<Integer> clientPorts = FreePorts.onLoopback(brokers);
        final String clusterId = Uuid.randomUuid().toString();
        final List<GenericContainer<?>> nodes = new ArrayList<>();
        for (int nodeId = 0; nodeId < brokers; nodeId++) {
            final int clientPort = clientPorts.get(nodeId);
            final GenericContainer<?> node = new GenericContainer<>(DockerImageName.parse(ContainerBackendCluster.IMAGE))
                    .withNetwork(network)
                    .withNetworkAliases(alias(nodeId))
                    .withEnv(environment(nodeId, brokers, clusterId, dockerHost, clientPort))
                    .waitingFor(Wait.forLogMessage(".*Kafka Server started.*", 1)
                            .withStartupTimeout(STARTUP_TIMEOUT));
            node.addExposedPort(clientPort);
            node.setPortBindings(List.of(clientPort + ":" + clientPort));
            nodes.add(node);
        }
        try {
            Startables.deepStart(nodes).join();
        } catch (final RuntimeException failed) {
            nodes.forEach(GenericContainer::stop);
            network.close();
            throw failed;
        }
        final String bootstrap = clientPorts.stream().map(port -> dockerHost + ":" + port)
                .collect(Collectors.joining(","));
        return new ContainerQuorumCluster(network, nodes, bootstrap);
    }

    /** The settings of one node, as the image reads them: {@code KAFKA_FOO_BAR} is {@code foo.bar}. */
    private static Map<String, String> environment(final int nodeId, final int brokers, final String clusterId,
            final String dockerHost, final int clientPort) {
        final String replicas = Integer.toString(Math.min(3, brokers));
        final String minInSync = Integer.toString(Math.min(2, brokers));
        final Map<String, String> env = new LinkedHashMap<>();
        env.put("CLUSTER_ID", clusterId);
        env.put("KAFKA_NODE_ID", Integer.toString(nodeId));
        env.put("KAFKA_PROCESS_ROLES", "broker,controller");
        env.put("KAFKA_CONTROLLER_QUORUM_VOTERS", IntStream.range(0, brokers)
                .mapToObj(voter -> voter + "@" + alias(voter) + ":" + CONTROLLER_PORT)
                .collect(Collectors.joining(",")));
        env.put("KAFKA_LISTENERS", "CLIENT://0.0.0.0:" + clientPort + ",BROKER://0.0.0.0:" + BROKER_PORT
                + ",CONTROLLER://0.0.0.0:" + CONTROLLER_PORT);
        env.put("KAFKA_ADVERTISED_LISTENERS", "CLIENT://" + dockerHost + ":" + clientPort + ",BROKER://"
                + alias(nodeId) + ":" + BROKER_PORT);
        env.put("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP", "CLIENT:PLAINTEXT,BROKER:PLAINTEXT,CONTROLLER:PLAINTEXT");
        env.put("KAFKA_INTER_BROKER_LISTENER_NAME", "BROKER");
        env.put("KAFKA_CONTROLLER_LISTENER_NAMES", "CONTROLLER");
        env.put("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        env.put("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        env.put("KAFKA_DEFAULT_REPLICATION_FACTOR", replicas);
        env.put("KAFKA_MIN_INSYNC_REPLICAS", "1");
        env.put("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", replicas);
        env.put("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", replicas);
        env.put("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", minInSync);
        env.put("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_REPLICATION_FACTOR", replicas);
        env.put("KAFKA_SHARE_COORDINATOR_STATE_TOPIC_MIN_ISR", minInSync);
        env.put("KAFKA_HEAP_OPTS", "-Xmx512m -Xms256m");
        return env;
    }

    private static String alias(final int nodeId) {
        return "kafka-" + nodeId;
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public int brokers() {
        return nodes.size();
    }

    @Override
    public Backend backend() {
        return Backend.TESTCONTAINERS;
    }

    @Override
    public Optional<NodeControl> nodeControl() {
        return Optional.of(nodeControl);
    }

    @Override
    public void close() {
        nodes.forEach(GenericContainer::stop);
        network.close();
    }

    @Override
    public String toString() {
        return nodes.size() + " Kafka containers " + ContainerBackendCluster.IMAGE + " at " + bootstrapServers;
    }
}
