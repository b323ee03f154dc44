package io.pciledger.testkit.internals;

import io.pciledger.broker.EmbeddedKafkaCluster;
import io.pciledger.testkit.Backend;
import io.pciledger.testkit.NodeControl;
import java.time.Duration;
import java.util.Optional;

/** A cluster of the {@link Backend#EMBEDDED} backend: an {@link EmbeddedKafkaCluster} in child JVMs. */
final class EmbeddedBackendCluster implements ManagedCluster {

    private static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

    private final EmbeddedKafkaCluster cluster;
    private final NodeControl nodeControl;

    private EmbeddedBackendCluster(final EmbeddedKafkaCluster cluster) {
        this.cluster = cluster;
        this.nodeControl = new EmbeddedNodeControl(cluster);
    }

    /**
     * Starts an embedded cluster of the given size with the launcher's defaults, but for a longer startup timeout:
     * on a shared 2-core machine under load, three nodes took more than the default minute to form their quorum.
     */
    static EmbeddedBackendCluster start(final int brokers) {
        return new EmbeddedBackendCluster(EmbeddedKafkaCluster.builder().nodes(brokers)
                .startupTimeout(STARTUP_TIMEOUT).build().start());
    }

    @Override
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public int brokers() {
        return cluster.nodeCount();
    }

    @Override
    public Backend backend() {
        return Backend.EMBEDDED;
    }

    @Override
    public Optional<NodeControl> nodeControl() {
        return Optional.of(nodeControl);
    }

    @Override
    public void close() {
        cluster.close();
    }

    @Override
    public String toString() {
        return "embedded Kafka cluster of " + brokers() + " broker(s) at " + bootstrapServers();
    }
}
