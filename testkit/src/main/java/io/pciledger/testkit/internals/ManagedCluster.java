package io.pciledger.testkit.internals;

import io.pciledger.testkit.KafkaCluster;

/**
 * A {@link KafkaCluster} as the extension holds it: stored in a JUnit {@code ExtensionContext.Store},
 * which closes it when the store's context ends (the class for an isolated cluster, the whole run for
 * a shared one).
 */
public interface ManagedCluster extends KafkaCluster, AutoCloseable {

    /** Stops the cluster and frees what it holds. */
    @Override
    void close();
}
