package io.pciledger.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

@KafkaTest(brokers = 3, isolated = true)
class IsolatedThreeBrokerTest {

    @Test
    void killedBrokerComesBackThroughNodeControl(final KafkaCluster kafka) throws Exception {
        final NodeControl nodes = kafka.nodeControl().orElseThrow();

        nodes.killNode(2);
        assertThat(nodes.isRunning(2)).isFalse();
        nodes.startNode(2);

        assertThat(nodes.isRunning(2)).isTrue();
        assertThat(RecordRoundTrip.roundTrip(kafka, 3, "written to all three")).isEqualTo("written to all three");
    }

    @Test
    void hasTheBrokersItAskedFor(final KafkaCluster kafka) {
        assertThat(kafka.brokers()).isEqualTo(3);
        assertThat(kafka.bootstrapServers().split(",")).hasSize(3);
    }
}
