package io.pciledger.testkit;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.CommonClientConfigs;

/**
 * The Kafka cluster a {@link KafkaTest} class runs against. Injected by {@link KafkaClusterExtension};
 * the extension owns it, so a test never closes it.
 */
public interface KafkaCluster {

    /** The {@code bootstrap.servers} to give clients, Streams applications and the services under test. */
    String bootstrapServers();

    /** How many brokers the cluster has. */
    int brokers();

    /** Where the cluster runs: {@link Backend#EMBEDDED} or {@link Backend#TESTCONTAINERS}, never DEFAULT. */
    Backend backend();

    /**
     * The client settings every client of this cluster needs, {@code bootstrap.servers} at least, in a
     * fresh map that the caller may add its own settings to.
     */
    default Map<String, Object> clientProperties() {
        final Map<String, Object> properties = new HashMap<>();
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return properties;
    }

    /**
     * Kills, stops and restarts brokers, where the backend can: present for the embedded backend, and for
     * Testcontainers clusters of several brokers.
     * Use it only in an {@link KafkaTest#isolated() isolated} class: other classes share the default cluster.
     */
    Optional<NodeControl> nodeControl();
}
