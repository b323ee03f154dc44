package io.pciledger.agent.node;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs one host's agent every rescan interval on its own thread, and when asked (SIGHUP) re-reads
 * the PCI configuration and rescans at once.
 */
public final class NodeAgentRunner implements AutoCloseable {

    private final HostAgent agent;
    private final ReloadingPciConfig config;
    private final ScheduledExecutorService executor;

    public NodeAgentRunner(final HostAgent agent, final ReloadingPciConfig config) {
        this.agent = agent;
        this.config = config;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            final Thread thread = new Thread(runnable, "node-agent-" + agent.host());
            thread.setDaemon(true);
            return thread;
        });
    }

    public void start(final Duration interval) {
        executor.scheduleWithFixedDelay(agent::rescanLoggingFailures, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Re-reads the configuration and rescans now, off the caller's thread. */
    public void reloadAndRescan() {
        executor.execute(() -> {
            config.reloadNow();
            agent.rescanLoggingFailures();
        });
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
