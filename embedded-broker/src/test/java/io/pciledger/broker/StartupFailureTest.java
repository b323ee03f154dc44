package io.pciledger.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class StartupFailureTest {

    @Test
    void invalidBrokerPropertyFailsNamingTheNodeExitCodeAndLogTail() {
        final EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.builder()
                .brokerProperty("num.io.threads", "plenty")
                .build();

        assertThatThrownBy(kafka::start)
                .isInstanceOfSatisfying(KafkaNodeStartupException.class, failure -> {
                    assertThat(failure.nodeId()).isZero();
                    assertThat(failure.exitCode()).isPresent().isNotEqualTo(0);
                    assertThat(failure.logTail()).anyMatch(line -> line.contains("num.io.threads"));
                })
                .hasMessageContaining("Kafka node 0")
                .hasMessageContaining("exited with code")
                .hasMessageContaining("plenty");
    }

    @Test
    void occupiedBrokerPortFailsNamingTheNodeAndTheReason() throws Exception {
        try (ServerSocket occupied = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            final EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.builder()
                    .brokerPort(0, occupied.getLocalPort())
                    .build();

            assertThatThrownBy(kafka::start)
                    .isInstanceOf(KafkaNodeStartupException.class)
                    .hasMessageContaining("Kafka node 0 did not start")
                    .hasMessageContaining("Address already in use");
        }
    }
}
