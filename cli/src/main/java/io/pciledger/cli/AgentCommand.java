package io.pciledger.cli;

import io.pciledger.agent.fleet.SimulatedFleet;
import io.pciledger.agent.node.HostAgent;
import io.pciledger.agent.node.NodeAgentRunner;
import io.pciledger.agent.node.ReloadingPciConfig;
import io.pciledger.agent.node.SysfsInventorySource;
import io.pciledger.agent.publish.KafkaInventoryPublisher;
import io.pciledger.agent.publish.NodeAgent;
import io.pciledger.agent.sysfs.HardwareProfile;
import io.pciledger.agent.sysfs.SysfsScanner;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pci-ledger agent}: the node agent of one compute host. Discovers PCI devices from sysfs,
 * applies the device spec, and publishes a snapshot, then differences, to {@code pci.inventory}.
 */
@Command(name = "agent", mixinStandardHelpOptions = true,
        description = {"Run the node agent of this compute host: discover PCI devices from sysfs, group them with the device spec, publish inventory facts.",
                "SIGHUP re-reads the PCI config; an invalid new config is refused and the old one kept.",
                "Exit code 2 when the PCI config is invalid at start."})
public final class AgentCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--host", paramLabel = "NAME", description = "This host's name in the ledger (default: the hostname).")
    private String host;

    @Option(names = "--sysfs-root", paramLabel = "DIR", defaultValue = "/sys",
            description = "Where sysfs is mounted (default ${DEFAULT-VALUE}).")
    private Path sysfsRoot;

    @Option(names = "--pci-config", paramLabel = "FILE", required = true,
            description = "The device spec and aliases: an existing nova.conf ([pci] device_spec, alias) or a JSON file.")
    private Path pciConfig;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
            description = "Time between rescans (default ${DEFAULT-VALUE}).")
    private Duration interval;

    @Option(names = "--snapshot-every", paramLabel = "N", defaultValue = "10",
            description = "Send a full snapshot every N rescans (default ${DEFAULT-VALUE}).")
    private int snapshotEvery;

    @Option(names = "--once", description = "Scan and publish once, then exit (0 when every fact was acknowledged).")
    private boolean once;

    @Option(names = "--simulated-hardware", paramLabel = "PROFILE",
            description = {"For demos and docker/: simulate this host. Writes a generated sysfs tree of the profile"
                    + " (typical-compute or dense, varied per host name) under --sysfs-root when none is there, and the"
                    + " demo device spec to --pci-config when that file is missing, as fleet does for many hosts."})
    private String simulatedHardware;

    @Mixin
    private KafkaClientOptions kafka;

    @Mixin
    private TopicOptions topics;

    @Override
    public Integer call() throws Exception {
        final PrintWriter out = spec.commandLine().getOut();
        final String hostName = host != null ? host : InetAddress.getLocalHost().getHostName();
        if (simulatedHardware != null) {
            simulate(hostName);
        }
        final ReloadingPciConfig config = PciConfigs.open(pciConfig, spec.commandLine());
        final Map<String, Object> clientProperties = kafka.clientProperties();
        TopicReportPrinter.printWarnings(TopicSetup.ensure(clientProperties, topics), out);

        final KafkaInventoryPublisher publisher = new KafkaInventoryPublisher(clientProperties, topics.names());
        final SysfsInventorySource source =
                new SysfsInventorySource(new SysfsScanner(sysfsRoot), () -> config.inForce().deviceSpecs());
        final NodeAgent agent = new NodeAgent(hostName, source, publisher.sinkFor(hostName), snapshotEvery,
                Clock.systemUTC(), PciLedgerCommand.VERSION);
        final HostAgent hostAgent = new HostAgent(agent, config);

        if (once) {
            final NodeAgent.Outcome outcome = hostAgent.rescan();
            publisher.close();
            out.printf("host %s: %s%n", hostName, outcome);
            return outcome.delivered() ? 0 : 1;
        }
        final NodeAgentRunner runner = new NodeAgentRunner(hostAgent, config);
        final ShutdownSignal shutdown = new ShutdownSignal("agent", () -> {
            runner.close();
            publisher.close();
        });
        ShutdownSignal.onHangup(runner::reloadAndRescan);
        runner.start(interval);
        out.printf("agent for host %s: rescanning %s every %s with %s; stop with Ctrl-C, reload with SIGHUP%n",
                hostName, sysfsRoot, interval, pciConfig);
        out.flush();
        shutdown.await();
        return 0;
    }

    /** Writes this host's simulated sysfs tree and the demo device spec where they are missing. */
    private void simulate(final String hostName) throws IOException {
        final HardwareProfile profile;
        try {
            profile = HardwareProfile.named(simulatedHardware);
        } catch (final IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--simulated-hardware: " + e.getMessage());
        }
        if (sysfsRoot.toAbsolutePath().normalize().equals(Path.of("/sys"))) {
            throw new ParameterException(spec.commandLine(), "--simulated-hardware writes a generated sysfs tree:"
                    + " give --sysfs-root a directory of its own, not /sys");
        }
        SimulatedFleet.writeSysfsIfMissing(sysfsRoot, hostName, profile);
        SimulatedFleet.writeDemoConfigIfMissing(pciConfig);
    }
}
