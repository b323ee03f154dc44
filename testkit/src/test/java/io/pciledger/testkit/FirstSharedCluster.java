package io.pciledger.testkit;

import java.util.concurrent.atomic.AtomicReference;

/** Remembers the first shared cluster any test class of this run was given, so other classes can compare. */
final class FirstSharedCluster {

    private static final AtomicReference<KafkaCluster> FIRST = new AtomicReference<>();

    private FirstSharedCluster() {
    }

    /** Records the cluster if it is the first one seen, and returns the first one seen. */
    static KafkaCluster rememberedOr(final KafkaCluster cluster) {
        FIRST.compareAndSet(null, cluster);
        return FIRST.get();
    }
}
