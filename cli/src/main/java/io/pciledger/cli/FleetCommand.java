package io.pciledger.cli;

import io.pciledger.agent.fleet.SimulatedFleet;
import io.pciledger.agent.publish.KafkaInventoryPublisher;
import io.pciledger.agent.sysfs.HardwareProfile;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code pci-ledger fleet}: many simulated compute hosts, each with its own generated sysfs tree and agent. */
@Command(name = "fleet", mixinStandardHelpOptions = true,
        description = {"Run simulated compute hosts: each gets generated sysfs hardware and its own node agent.",
                "They share DIR/pci-config.json, written with a demo device spec when missing: edit it and send SIGHUP, or wait for the next rescan."})
public final class FleetCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--hosts", paramLabel = "N", defaultValue = "20", description = "How many hosts (default ${DEFAULT-VALUE}).")
    private int hosts;

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "typical-compute",
            description = "Hardware of every host: typical-compute (~64 functions) or dense (2,000) (default ${DEFAULT-VALUE}).")
    private String profile;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "pci-ledger-data/fleet",
            description = "Where the hosts' sysfs trees and the fleet's PCI config live (default ${DEFAULT-VALUE}).")
    private Path dir;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "Time between a host's rescans (default ${DEFAULT-VALUE}).")
    private Duration interval;

    @Option(names = "--snapshot-every", paramLabel = "N", defaultValue = "10",
            description = "A full snapshot every N rescans (default ${DEFAULT-VALUE}).")
    private int snapshotEvery;

    @Option(names = "--once", description = "Publish every host's snapshot once, print how long it took, and exit.")
    private boolean once;

    @Mixin
    private KafkaClientOptions kafka;

    @Mixin
    private TopicOptions topics;

    @Override
    public Integer call() throws Exception {
        final PrintWriter out = spec.commandLine().getOut();
        if (hosts < 1) {
            throw new ParameterException(spec.commandLine(), "--hosts must be at least 1, was " + hosts);
        }
        final HardwareProfile hardware = profile();
        final Map<String, Object> clientProperties = kafka.clientProperties();
        TopicReportPrinter.printWarnings(TopicSetup.ensure(clientProperties, topics), out);
        final KafkaInventoryPublisher publisher = new KafkaInventoryPublisher(clientProperties, topics.names());
        final SimulatedFleet fleet = SimulatedFleet.prepare(dir, hosts, hardware, publisher, snapshotEvery);

        final SimulatedFleet.RoundResult first = fleet.rescanAll();
        out.printf("fleet: %d hosts published their snapshots (%d devices) in %d ms; %d acknowledged%n",
                first.hosts(), first.snapshotDevices(), first.elapsed().toMillis(), first.delivered());
        out.flush();
        if (once) {
            fleet.close();
            publisher.close();
            return first.delivered() == first.hosts() ? 0 : 1;
        }
        final ShutdownSignal shutdown = new ShutdownSignal("fleet", () -> {
            fleet.close();
            publisher.close();
        });
        ShutdownSignal.onHangup(fleet::reloadConfig);
        fleet.start(interval);
        out.printf("fleet: rescanning every %s; PCI config %s; stop with Ctrl-C%n", interval, fleet.configFile());
        out.flush();
        shutdown.await();
        return 0;
    }

    private HardwareProfile profile() {
        try {
            return HardwareProfile.named(profile);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--profile: " + e.getMessage());
        }
    }
}
