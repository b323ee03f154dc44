package io.pciledger.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.CommonClientConfigs;
import org.junit.jupiter.api.Test;

@KafkaTest
class SharedClusterTest {

    @Test
    void recordRoundTripsThroughTheSharedBroker(final KafkaCluster kafka) throws Exception {
        assertThat(RecordRoundTrip.roundTrip(kafka, 1, "device added")).isEqualTo("device added");
    }

    @Test
    void isTheSameClusterInEveryTestClass(final KafkaCluster kafka) {
        assertThat(kafka.bootstrapServers()).isEqualTo(FirstSharedCluster.rememberedOr(kafka).bootstrapServers());
    }

    @Test
    void defaultsToOneEmbeddedBrokerWithNodeControl(final KafkaCluster kafka) {
        assertThat(kafka.backend()).isEqualTo(Backend.EMBEDDED);
        assertThat(kafka.brokers()).isEqualTo(1);
        assertThat(kafka.nodeControl()).isPresent();
    }

    @Test
    void clientPropertiesNameTheBootstrapServersInAMapTheTestMayExtend(final KafkaCluster kafka) {
        kafka.clientProperties().put("client.id", "changed by one test");

        assertThat(kafka.clientProperties())
                .containsEntry(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers())
                .doesNotContainKey("client.id");
    }
}
