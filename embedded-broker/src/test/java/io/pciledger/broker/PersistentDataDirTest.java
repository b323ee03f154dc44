package io.pciledger.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistentDataDirTest {

    @TempDir
    Path dataDir;

    @Test
    void restartOnTheSameDataDirKeepsClusterIdAndRecords() throws Exception {
        final String firstClusterId;
        final String topic;
        try (EmbeddedKafkaCluster first = EmbeddedKafkaCluster.builder().dataDir(dataDir).build().start()) {
            firstClusterId = first.clusterId();
            final RecordRoundTrip clients = new RecordRoundTrip(first.bootstrapServers());
            topic = clients.createTopic("kept", 1, 1);
            clients.write(topic, "host-a", "survives a restart");
        }

        try (EmbeddedKafkaCluster second = EmbeddedKafkaCluster.builder().dataDir(dataDir).build().start()) {
            assertThat(second.clusterId()).isEqualTo(firstClusterId);
            assertThat(new RecordRoundTrip(second.bootstrapServers()).readValues(topic, 1))
                    .containsExactly("survives a restart");
        }
        assertThat(dataDir.resolve("node-0/kafka-logs/meta.properties")).exists();
    }
}
