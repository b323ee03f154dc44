package io.pciledger.testkit.internals;

import com.github.dockerjava.api.DockerClient;
import io.pciledger.testkit.NodeControl;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.testcontainers.containers.GenericContainer;

/**
 * {@link NodeControl} of a {@link ContainerQuorumCluster}: node {@code n} is the {@code n}-th container, killed with
 * {@code docker kill} (SIGKILL), stopped with {@code docker stop} (SIGTERM, then SIGKILL after 30 s) and started
 * with {@code docker start}, which keeps its port and its data. Starting returns once the cluster counts the node
 * as a live broker again.
 */
final class ContainerNodeControl implements NodeControl {

    private static final int STOP_GRACE_SECONDS = 30;
    private static final Duration POLL = Duration.ofMillis(200);

    private final List<GenericContainer<?>> nodes;
    private final String bootstrapServers;
    private final Duration timeout;

    ContainerNodeControl(final List<GenericContainer<?>> nodes, final String bootstrapServers,
            final Duration timeout) {
        this.nodes = nodes;
        this.bootstrapServers = bootstrapServers;
        this.timeout = timeout;
    }

    @Override
    public void killNode(final int nodeId) {
        docker(nodeId).killContainerCmd(containerId(nodeId)).exec();
        awaitNotRunning(nodeId);
    }

    @Override
    public void stopNode(final int nodeId) {
        docker(nodeId).stopContainerCmd(containerId(nodeId)).withTimeout(STOP_GRACE_SECONDS).exec();
        awaitNotRunning(nodeId);
    }

    @Override
    public void startNode(final int nodeId) {
        docker(nodeId).startContainerCmd(containerId(nodeId)).exec();
        awaitLiveBroker(nodeId);
    }

    @Override
    public boolean isRunning(final int nodeId) {
        return Boolean.TRUE.equals(docker(nodeId).inspectContainerCmd(containerId(nodeId)).exec().getState()
                .getRunning());
    }

    private GenericContainer<?> node(final int nodeId) {
        if (nodeId < 0 || nodeId >= nodes.size()) {
            throw new IllegalArgumentException("node " + nodeId + " does not exist: the cluster has nodes 0 to "
                    + (nodes.size() - 1));
        }
        return nodes.get(nodeId);
    }

    private DockerClient docker(final int nodeId) {
        return node(nodeId).getDockerClient();
    }

    private String containerId(final int nodeId) {
        return node(nodeId).getContainerId();
    }

    private void awaitNotRunning(final int nodeId) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (isRunning(nodeId)) {
            pauseBefore(deadline, "the container of node " + nodeId + " to end");
        }
    }

    private void awaitLiveBroker(final int nodeId) {
        final long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(5).toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) Duration.ofSeconds(5).toMillis()))) {
            while (!liveBrokers(admin).contains(nodeId)) {
                if (!isRunning(nodeId)) {
                    throw new IllegalStateException("the container of node " + nodeId + " exited while starting: "
                            + node(nodeId).getLogs());
                }
                pauseBefore(deadline, "node " + nodeId + " to rejoin the cluster as a live broker");
            }
        }
    }

    private static Set<Integer> liveBrokers(final Admin admin) {
        try {
            return admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).stream().map(Node::id)
                    .collect(Collectors.toSet());
        } catch (final ExecutionException | TimeoutException notYet) {
            return Set.of();
        } catch (final InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking the cluster for its live brokers", interrupted);
        }
    }

    private void pauseBefore(final long deadline, final String waitingFor) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("gave up waiting for " + waitingFor + " after " + timeout);
        }
        try {
            Thread.sleep(POLL.toMillis());
        } catch (final InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + waitingFor, interrupted);
        }
    }
}
