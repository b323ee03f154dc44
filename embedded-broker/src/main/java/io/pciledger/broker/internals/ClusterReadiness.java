package io.pciledger.broker.internals;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Waits until the cluster's metadata lists the given nodes as live brokers, which is when clients
 * can use them, and fails fast with a node's log when its JVM exits first.
 */
public final class ClusterReadiness {

    private static final Duration POLL_INTERVAL = Duration.ofMillis(200);

    private final Duration timeout;

    /**
     * Creates a readiness check.
     *
     * @param timeout how long the nodes may take to join
     */
    public ClusterReadiness(final Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Blocks until every given node is a live broker of the cluster.
     *
     * @param cluster  the address of every node of the cluster
     * @param starting the processes of the nodes to wait for
     * @throws io.pciledger.broker.KafkaNodeStartupException if one of them exits or the timeout passes
     */
    public void awaitLive(final Collection<NodeAddress> cluster, final Collection<NodeProcess> starting) {
        final Instant deadline = Instant.now().plus(timeout);
        final Set<Integer> expected = starting.stream().map(NodeProcess::nodeId)
                .collect(Collectors.toCollection(TreeSet::new));
        try (LiveBrokerProbe probe = new LiveBrokerProbe(cluster)) {
            while (true) {
                failIfAnyExited(starting);
                final Set<Integer> live = probe.liveBrokers();
                if (live.containsAll(expected)) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw timedOut(starting, expected, live);
                }
                pause();
            }
        }
    }

    private static void failIfAnyExited(final Collection<NodeProcess> starting) {
        for (final NodeProcess node : starting) {
            if (!node.isAlive()) {
                throw node.failure("Kafka node " + node.nodeId() + " did not start");
            }
        }
    }

    private RuntimeException timedOut(final Collection<NodeProcess> starting, final Set<Integer> expected,
                                      final Set<Integer> live) {
        final Set<Integer> missing = new TreeSet<>(expected);
        missing.removeAll(live);
        final NodeProcess late = starting.stream()
                .filter(node -> missing.contains(node.nodeId()))
                .findFirst().orElseThrow();
        return late.failure("Kafka node " + late.nodeId() + " did not join the cluster within " + timeout
                + " (live brokers: " + new TreeSet<>(live) + ", missing: " + missing + ")");
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for Kafka nodes to start", e);
        }
    }
}
