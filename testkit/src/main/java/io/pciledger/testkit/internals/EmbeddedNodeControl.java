package io.pciledger.testkit.internals;

import io.pciledger.broker.EmbeddedKafkaCluster;
import io.pciledger.testkit.NodeControl;

/** {@link NodeControl} of an embedded cluster: each drill is the launcher's method of the same name. */
final class EmbeddedNodeControl implements NodeControl {

    private final EmbeddedKafkaCluster cluster;

    EmbeddedNodeControl(final EmbeddedKafkaCluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public void killNode(final int nodeId) {
        cluster.killNode(nodeId);
    }

    @Override
    public void stopNode(final int nodeId) {
        cluster.stopNode(nodeId);
    }

    @Override
    public void startNode(final int nodeId) {
        cluster.startNode(nodeId);
    }

    @Override
    public boolean isRunning(final int nodeId) {
        return cluster.isRunning(nodeId);
    }
}
