package io.pciledger.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SingleNodeClusterTest {

    private static EmbeddedKafkaCluster kafka;
    private static RecordRoundTrip clients;

    @BeforeAll
    static void startCluster() {
        kafka = EmbeddedKafkaCluster.builder().build().start();
        clients = new RecordRoundTrip(kafka.bootstrapServers());
    }

    @AfterAll
    static void closeCluster() {
        kafka.close();
    }

    @Test
    void consumerReadsBackAProducedRecord() throws Exception {
        final String topic = clients.createTopic("round-trip", 1, 1);

        clients.write(topic, "host-a", "device added");

        assertThat(clients.readValues(topic, 1)).containsExactly("device added");
    }

    @Test
    void transactionalWriteCommitsForReadCommittedConsumers() throws Exception {
        final String topic = clients.createTopic("transactional", 1, 1);

        clients.writeInTransaction(topic, "host-a", "claimed exactly once");

        assertThat(clients.readValues(topic, 1)).containsExactly("claimed exactly once");
    }

    @Test
    void listensOnLoopbackOnly() {
        assertThat(kafka.bootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
    }

    @Test
    void runsOneNodeWithAClusterId() {
        assertThat(kafka.nodeCount()).isEqualTo(1);
        assertThat(kafka.isRunning(0)).isTrue();
        assertThat(kafka.clusterId()).isNotBlank();
    }

    @Test
    void unknownNodeIsRejectedNamingTheNodesThatExist() {
        assertThatThrownBy(() -> kafka.killNode(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no Kafka node 1")
                .hasMessageContaining("numbered 0 to 0");
    }

    @Test
    void secondStartIsRejected() {
        assertThatThrownBy(kafka::start)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("started already");
    }
}
