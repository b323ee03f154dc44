package io.pciledger.agent.node;

import io.pciledger.agent.publish.NodeAgent;
import io.pciledger.schemas.inventory.SnapshotReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One host's agent together with the PCI configuration it follows: before each rescan it picks up
 * a changed configuration (the one look at the file per rescan; the inventory source then reads
 * {@link ReloadingPciConfig#inForce()}), and the first rescan under a new one sends a full snapshot.
 */
public final class HostAgent {

    private static final Logger LOG = LoggerFactory.getLogger(HostAgent.class);

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

    /** Like {@link #rescan()}, for a scheduler: an unexpected failure is logged and the next rescan tries again. */
    public void rescanLoggingFailures() {
        try {
            LOG.debug("host {}: rescan {}", host(), rescan());
        } catch (RuntimeException e) {
            LOG.error("host {}: rescan failed unexpectedly; trying again at the next interval", host(), e);
        }
    }

    public String host() {
        return agent.host();
    }
}
