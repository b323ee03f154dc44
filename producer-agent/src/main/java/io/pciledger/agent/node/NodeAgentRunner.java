package io.pciledger.agent.node;

import io.pciledger.agent.publish.NodeAgent;
import io.pciledger.schemas.inventory.SnapshotReason;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one host's {@link NodeAgent} every rescan interval on its own thread, and when asked
 * (SIGHUP): re-reads the PCI configuration and rescans at once. A configuration change that took
 * effect makes the next rescan a full snapshot.
 */
public final class NodeAgentRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeAgentRunner.class);

    private final NodeAgent agent;
    private final ReloadingPciConfig config;
    private final ScheduledExecutorService executor;
    private long appliedGeneration;

    public NodeAgentRunner(final NodeAgent agent, final ReloadingPciConfig config) {
        this.agent = agent;
        this.config = config;
        this.appliedGeneration = config.generation();
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            final Thread thread = new Thread(runnable, "node-agent-" + agent.host());
            thread.setDaemon(true);
            return thread;
        });
    }

    public void start(final Duration interval) {
        executor.scheduleWithFixedDelay(this::rescanSafely, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Re-reads the configuration and rescans now, off the caller's thread. */
    public void reloadAndRescan() {
        executor.execute(() -> {
            config.reloadNow();
            rescanSafely();
        });
    }

    private void rescanSafely() {
        try {
            config.current();
            if (config.generation() != appliedGeneration) {
                appliedGeneration = config.generation();
                agent.requestSnapshot(SnapshotReason.SPEC_CHANGED);
            }
            final NodeAgent.Outcome outcome = agent.rescan();
            LOG.debug("host {}: rescan {}", agent.host(), outcome);
        } catch (RuntimeException e) {
            LOG.error("host {}: rescan failed unexpectedly; trying again at the next interval", agent.host(), e);
        }
    }

    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
