package io.pciledger.broker;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaClusterBuilderTest {

    @Test
    void clusterWithoutNodesIsRejected() {
        assertThatThrownBy(() -> EmbeddedKafkaCluster.builder().nodes(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nodes must be at least 1, got 0");
    }

    @Test
    void portOfANodeOutsideTheClusterIsRejected() {
        assertThatThrownBy(() -> EmbeddedKafkaCluster.builder().nodes(3).brokerPort(3, 19092).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("brokerPort was set for node 3")
                .hasMessageContaining("numbered 0 to 2");
    }

    @Test
    void portOutsideTheValidRangeIsRejected() {
        assertThatThrownBy(() -> EmbeddedKafkaCluster.builder().controllerPort(0, 70_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("controllerPort of node 0")
                .hasMessageContaining("70000");
    }

    @Test
    void heapThatIsNotAJvmMemorySizeIsRejected() {
        assertThatThrownBy(() -> EmbeddedKafkaCluster.builder().heap("half a gig"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("heap")
                .hasMessageContaining("'half a gig'");
    }

    @Test
    void nonPositiveStartupTimeoutIsRejected() {
        assertThatThrownBy(() -> EmbeddedKafkaCluster.builder().startupTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("startupTimeout");
    }

    @Test
    void clusterThatIsNotStartedHasNoBootstrapServers() {
        assertThatThrownBy(() -> EmbeddedKafkaCluster.builder().build().bootstrapServers())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not started");
    }
}
