package io.pciledger.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ThreeNodeClusterTest {

    private static final int NODES = 3;

    private static EmbeddedKafkaCluster kafka;
    private static RecordRoundTrip clients;

    @BeforeAll
    static void startCluster() {
        kafka = EmbeddedKafkaCluster.builder().nodes(NODES).build().start();
        clients = new RecordRoundTrip(kafka.bootstrapServers());
    }

    @AfterAll
    static void closeCluster() {
        kafka.close();
    }

    @AfterEach
    void bringEveryNodeBack() {
        for (int nodeId = 0; nodeId < NODES; nodeId++) {
            if (!kafka.isRunning(nodeId)) {
                kafka.startNode(nodeId);
            }
        }
    }

    @Test
    void staysWritableWithOneNodeKilledAndHealsWhenItRestarts() throws Exception {
        final String topic = clients.createTopic("one-node-down", 3, 2);
        // Kafka creates its transaction log on first use, with 3 replicas: it needs every node then.
        clients.writeInTransaction(topic, "host-a", "transaction with every node up");

        kafka.killNode(1);
        clients.write(topic, "host-a", "acks=all with node 1 dead");
        clients.writeInTransaction(topic, "host-a", "transaction with node 1 dead");

        kafka.startNode(1);

        assertThat(kafka.isRunning(1)).isTrue();
        assertThat(clients.readValues(topic, 3)).containsExactly(
                "transaction with every node up", "acks=all with node 1 dead", "transaction with node 1 dead");
        await().atMost(RecordRoundTrip.PATIENCE)
                .untilAsserted(() -> assertThat(clients.inSyncReplicas(topic)).containsExactlyInAnyOrder(0, 1, 2));
    }

    @Test
    void stoppedNodeShutsDownCleanlyAndComesBack() throws Exception {
        kafka.stopNode(0);
        assertThat(kafka.isRunning(0)).isFalse();

        kafka.startNode(0);

        final String topic = clients.createTopic("after-restart", 3, 3);
        clients.write(topic, "host-a", "every replica acknowledged");
        assertThat(clients.readValues(topic, 1)).containsExactly("every replica acknowledged");
    }
}
