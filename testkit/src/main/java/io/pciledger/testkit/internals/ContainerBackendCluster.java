package io.pciledger.testkit.internals;

import io.pciledger.testkit.Backend;
import io.pciledger.testkit.NodeControl;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * A one-broker cluster of the {@link Backend#TESTCONTAINERS} backend: Testcontainers' {@code KafkaContainer} of the
 * official {@code apache/kafka} image, of the same Kafka version as the embedded cluster and configured like it where
 * it matters to tests (no topic auto-creation, no rebalance delay). Several brokers are a
 * {@link ContainerQuorumCluster}.
 *
 * <p>Where no Docker engine is reachable, {@link #reasonItCannotRun()} says so: the extension skips the class with
 * that reason, and a start attempted anyway aborts the test (a failed JUnit assumption) with the same reason.
 */
final class ContainerBackendCluster implements ManagedCluster {

    /** The image: Kafka 4.3.1, the version of the clients and of the embedded broker. */
    static final String IMAGE = "apache/kafka:4.3.1";

    private final KafkaContainer container;

    private ContainerBackendCluster(final KafkaContainer container) {
        this.container = container;
    }

    /**
     * Says why no cluster of this backend can run here, if none can.
     *
     * @return the reason, or empty where a Docker engine is reachable
     */
    static Optional<String> reasonItCannotRun() {
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            return Optional.of("kafka.backend=testcontainers needs a Docker engine and none is reachable: skipped");
        }
        return Optional.empty();
    }

    /** Starts a one-broker container, or aborts the test with the reason when that is not possible here. */
    static ContainerBackendCluster start() {
        reasonItCannotRun().ifPresent(Assumptions::abort);
        final KafkaContainer container = new KafkaContainer(IMAGE)
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        container.start();
        return new ContainerBackendCluster(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public int brokers() {
        return 1;
    }

    @Override
    public Backend backend() {
        return Backend.TESTCONTAINERS;
    }

    @Override
    public Optional<NodeControl> nodeControl() {
        return Optional.empty();
    }

    @Override
    public void close() {
        container.stop();
    }

    @Override
    public String toString() {
        return "Kafka container " + IMAGE + " at " + bootstrapServers();
    }
}
