package io.pciledger.agent.fleet;

import io.pciledger.agent.node.HostAgent;
import io.pciledger.agent.node.ReloadingPciConfig;
import io.pciledger.agent.node.SysfsInventorySource;
import io.pciledger.agent.publish.KafkaInventoryPublisher;
import io.pciledger.agent.publish.NodeAgent;
import io.pciledger.agent.sysfs.FakeSysfsTree;
import io.pciledger.agent.sysfs.HardwareProfile;
import io.pciledger.agent.sysfs.SysfsScanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Many simulated compute hosts in one process, for the demo and the benchmarks. Each host has its
 * own generated sysfs tree (hardware from a {@link HardwareProfile}, reproducible per host name) and
 * its own agent, exactly as on a real node; they share one PCI configuration file, one Kafka
 * producer and a small thread pool.
 *
 * <pre>
 * &lt;root&gt;/pci-config.json     the fleet's device spec and aliases (edit it: agents pick it up)
 * &lt;root&gt;/hosts/compute-001/  one generated sysfs tree per host
 * </pre>
 */
public final class SimulatedFleet implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedFleet.class);
    private static final String DEMO_CONFIG = "demo-pci-config.json";

    private final List<HostAgent> hosts;
    private final ReloadingPciConfig config;
    private final ScheduledExecutorService executor;

    private SimulatedFleet(final List<HostAgent> hosts, final ReloadingPciConfig config, final int threads) {
        this.hosts = List.copyOf(hosts);
        this.config = config;
        this.executor = Executors.newScheduledThreadPool(threads, runnable -> {
            final Thread thread = new Thread(runnable, "fleet-agent");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Prepares a fleet: writes the sysfs trees that do not exist yet, and the demo PCI configuration
     * when {@code root/pci-config.json} is missing.
     *
     * @param root      where the trees and the configuration live; reused by later runs
     * @param hostCount how many hosts, named {@code compute-001} ...
     * @param profile   the hardware every host gets (varied per host name)
     * @param publisher where the facts go
     * @param snapshotEvery a full snapshot every this many rescans
     * @throws IOException when the trees or configuration cannot be written or read
     */
    public static SimulatedFleet prepare(final Path root, final int hostCount, final HardwareProfile profile,
                                         final KafkaInventoryPublisher publisher, final int snapshotEvery)
            throws IOException {
        if (hostCount < 1) {
            throw new IllegalArgumentException("a fleet needs at least 1 host, was " + hostCount);
        }
        final ReloadingPciConfig config = ReloadingPciConfig.open(configFile(root));
        final List<HostAgent> agents = new ArrayList<>();
        for (final String host : hostNames(hostCount)) {
            final Path tree = writeSysfsIfMissing(root.resolve("hosts").resolve(host), host, profile);
            final SysfsInventorySource source =
                    new SysfsInventorySource(new SysfsScanner(tree), () -> config.inForce().deviceSpecs());
            final NodeAgent agent = new NodeAgent(host, source, publisher.sinkFor(host), snapshotEvery,
                    Clock.systemUTC(), NodeAgent.class.getPackage().getImplementationVersion());
            agents.add(new HostAgent(agent, config));
        }
        return new SimulatedFleet(agents, config, Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * Writes the generated sysfs tree of one simulated host under {@code tree}, unless one is there already (a
     * tree is reproducible per host name, so a later run finds the same hardware).
     *
     * @param host    the host's name, which decides its hardware within the profile
     * @return {@code tree}
     * @throws IOException when the tree cannot be written
     */
    public static Path writeSysfsIfMissing(final Path tree, final String host, final HardwareProfile profile)
            throws IOException {
        if (!Files.isDirectory(tree.resolve("bus"))) {
            FakeSysfsTree.write(tree, profile.hardwareOf(host));
        }
        return tree;
    }

    /** Host names of a fleet of this size: {@code compute-001}, ... */
    public static List<String> hostNames(final int hostCount) {
        final int width = Math.max(3, Integer.toString(hostCount).length());
        final List<String> names = new ArrayList<>();
        for (int i = 1; i <= hostCount; i++) {
            names.add(String.format(Locale.ROOT, "compute-%0" + width + "d", i));
        }
        return names;
    }

    /** Rescans every host once, in parallel, and waits: the first round publishes every host's snapshot. */
    public RoundResult rescanAll() {
        final long started = System.nanoTime();
        final List<Future<NodeAgent.Outcome>> outcomes = new ArrayList<>();
        hosts.forEach(host -> outcomes.add(executor.submit(host::rescan)));
        int delivered = 0;
        int devices = 0;
        for (final Future<NodeAgent.Outcome> future : outcomes) {
            try {
                final NodeAgent.Outcome outcome = future.get();
                delivered += outcome.delivered() ? 1 : 0;
                devices += outcome.snapshot() ? outcome.changes() : 0;
            } catch (ExecutionException e) {
                LOG.error("a simulated host failed to rescan", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return new RoundResult(hosts.size(), delivered, devices, Duration.ofNanos(System.nanoTime() - started));
    }

    /** What one round of rescans did. {@code snapshotDevices} counts devices in the snapshots it sent. */
    public record RoundResult(int hosts, int delivered, int snapshotDevices, Duration elapsed) {
    }

    /** Rescans every host every {@code interval}, the hosts' rescans spread over the interval. */
    public void start(final Duration interval) {
        final long step = Math.max(1, interval.toMillis() / hosts.size());
        for (int i = 0; i < hosts.size(); i++) {
            final HostAgent host = hosts.get(i);
            executor.scheduleWithFixedDelay(host::rescanLoggingFailures, i * step, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Re-reads the fleet's PCI configuration now (SIGHUP); hosts apply it at their next rescan. */
    public void reloadConfig() {
        config.reloadNow();
    }

    public List<String> hosts() {
        return hosts.stream().map(HostAgent::host).toList();
    }

    public Path configFile() {
        return config.file();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path configFile(final Path root) throws IOException {
        return writeDemoConfigIfMissing(root.resolve("pci-config.json"));
    }

    /**
     * Writes the demo PCI configuration ({@link #writeDemoConfig}) to {@code file} unless the file exists: an
     * operator's edits are kept.
     *
     * @return {@code file}
     */
    public static Path writeDemoConfigIfMissing(final Path file) throws IOException {
        if (!Files.exists(file)) {
            writeDemoConfig(file);
        }
        return file;
    }

    /**
     * Writes the demo PCI configuration (groups {@code physnet1}, {@code physnet2}, {@code gpu-a100},
     * {@code nvme} for the generated hardware) to {@code file}, creating its folder.
     *
     * @return {@code file}
     */
    public static Path writeDemoConfig(final Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (InputStream demo = SimulatedFleet.class.getResourceAsStream(DEMO_CONFIG)) {
            if (demo == null) {
                throw new UncheckedIOException(new IOException("the demo PCI configuration is missing from the jar"));
            }
            Files.copy(demo, file);
        }
        return file;
    }
}
