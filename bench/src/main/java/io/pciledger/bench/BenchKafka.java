package io.pciledger.bench;

import io.pciledger.broker.EmbeddedKafkaCluster;
import java.util.HashMap;
import java.util.Map;

/** The Kafka a benchmark runs against: a given cluster, or a fresh embedded single-node broker. */
final class BenchKafka implements AutoCloseable {

    private final EmbeddedKafkaCluster embedded;
    private final String bootstrapServers;

    private BenchKafka(final EmbeddedKafkaCluster embedded, final String bootstrapServers) {
        this.embedded = embedded;
        this.bootstrapServers = bootstrapServers;
    }

    static BenchKafka connect(final String bootstrapServers) {
        if (bootstrapServers != null && !bootstrapServers.isBlank()) {
            return new BenchKafka(null, bootstrapServers);
        }
        final EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.builder().nodes(1).heap("1g").build().start();
        return new BenchKafka(cluster, cluster.bootstrapServers());
    }

    Map<String, Object> clientProperties() {
        final Map<String, Object> properties = new HashMap<>();
        properties.put("bootstrap.servers", bootstrapServers);
        return properties;
    }

    String bootstrapServers() {
        return bootstrapServers;
    }

    String describe() {
        return embedded != null ? "embedded single-node broker" : bootstrapServers;
    }

    @Override
    public void close() {
        if (embedded != null) {
            embedded.close();
        }
    }
}
