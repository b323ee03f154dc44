package io.pciledger.agent.node;

import io.pciledger.agent.publish.NodeAgent;
import io.pciledger.schemas.inventory.SnapshotReason;

/**
 * One host's agent together with the PCI configuration it follows: before each rescan it picks up
 * a changed configuration, and the first rescan under a new one sends a full snapshot.
 */
public final class HostAgent {

    private final NodeAgent agent;
    private final ReloadingPciConfig config;
    private long appliedGeneration;

    public HostAgent(final NodeAgent agent, final ReloadingPciConfig config) {
        this.agent = agent;
        this.config = config;
        this.appliedGeneration = config.generation();
    }

    public NodeAgent.Outcome rescan() {
        config.current();
        final long generation = config.generation();
        if (generation != appliedGeneration) {
            appliedGeneration = generation;
            agent.requestSnapshot(SnapshotReason.SPEC_CHANGED);
        }
        return agent.rescan();
    }

    public String host() {
        return agent.host();
    }
}
