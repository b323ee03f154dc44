package io.pciledger.testkit.internals;

import io.pciledger.testkit.Backend;
import io.pciledger.testkit.KafkaTest;
import java.util.Locale;

/**
 * The cluster a test class asked for, with its backend resolved.
 *
 * @param backend  {@link Backend#EMBEDDED} or {@link Backend#TESTCONTAINERS}
 * @param brokers  how many brokers
 * @param isolated whether the class gets a cluster of its own
 */
public record ClusterRequest(Backend backend, int brokers, boolean isolated) {

    /** Checks the broker count. */
    public ClusterRequest {
        if (brokers < 1) {
            throw new IllegalArgumentException("@KafkaTest(brokers = " + brokers + ") must ask for at least 1 broker");
        }
    }

    /**
     * Reads the request of a {@code @KafkaTest} annotation.
     *
     * @param annotation the test class's annotation
     * @return the request, its backend resolved from {@code kafka.backend} where the annotation left it open
     */
    public static ClusterRequest of(final KafkaTest annotation) {
        return new ClusterRequest(annotation.backend().resolve(), annotation.brokers(), annotation.isolated());
    }

    /** The key under which a cluster is stored: equal requests of shared clusters get the same cluster. */
    public String storeKey() {
        return (isolated ? "isolated-" : "shared-") + backend.name().toLowerCase(Locale.ROOT) + "-" + brokers;
    }
}
