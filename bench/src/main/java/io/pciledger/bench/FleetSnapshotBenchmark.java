package io.pciledger.bench;

import io.pciledger.agent.fleet.SimulatedFleet;
import io.pciledger.agent.publish.KafkaInventoryPublisher;
import io.pciledger.agent.sysfs.HardwareProfile;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.TopicProvisioner;
import io.pciledger.schemas.topic.TopicSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.admin.Admin;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bench fleet-snapshots}: a simulated fleet (1,000 typical hosts of ~64 PCI functions by
 * default) scans its generated sysfs trees and publishes every host's initial snapshot to
 * {@code pci.inventory}, each acknowledged ({@code acks=all}). Target: ≤ 60 s. Generating the trees
 * is set-up and timed separately.
 */
@Command(name = "fleet-snapshots", mixinStandardHelpOptions = true,
        description = "Initial snapshots of a simulated fleet (1,000 hosts x ~64 functions) published to Kafka.")
public final class FleetSnapshotBenchmark implements Callable<Integer> {

    static final double TARGET_SECONDS = 60;

    @ParentCommand
    private BenchCommand bench;

    @Option(names = "--hosts", defaultValue = "1000", description = "Simulated hosts (default ${DEFAULT-VALUE}).")
    private int hosts;

    @Option(names = "--runs", defaultValue = "3", description = "Measured runs, each a fresh fleet on the same trees (default ${DEFAULT-VALUE}).")
    private int runs;

    @Option(names = "--bootstrap-servers", description = "An existing cluster (default: an embedded broker started for the run).")
    private String bootstrapServers;

    @Override
    public Integer call() throws Exception {
        final Path scratch = ScratchSpace.create("fleet");
        try (BenchKafka kafka = BenchKafka.connect(bootstrapServers)) {
            final TopicNames names = TopicNames.withPrefix("bench-" + System.currentTimeMillis() + ".");
            try (Admin admin = Admin.create(kafka.clientProperties())) {
                new TopicProvisioner(admin, names, TopicSettings.forReplicationFactor(6, 1)).ensureTopics();
            }
            final long generationStarted = System.nanoTime();
            try (KafkaInventoryPublisher unused = new KafkaInventoryPublisher(kafka.clientProperties(), names)) {
                SimulatedFleet.prepare(scratch, hosts, HardwareProfile.TYPICAL_COMPUTE, unused, 10).close();
            }
            final double generationSeconds = (System.nanoTime() - generationStarted) / 1e9;

            final Samples seconds = new Samples();
            int devices = 0;
            int acknowledged = 0;
            for (int run = 0; run < runs; run++) {
                try (KafkaInventoryPublisher publisher = new KafkaInventoryPublisher(kafka.clientProperties(), names);
                     SimulatedFleet fleet = SimulatedFleet.prepare(scratch, hosts, HardwareProfile.TYPICAL_COMPUTE, publisher, 10)) {
                    final SimulatedFleet.RoundResult round = fleet.rescanAll();
                    seconds.add(round.elapsed().toNanos() / 1e9);
                    devices = round.snapshotDevices();
                    acknowledged = round.delivered();
                }
            }
            final BenchmarkResult result = new BenchmarkResult("fleet-snapshots", BenchmarkResult.figures(
                    "kafka", kafka.describe(),
                    "hosts", hosts,
                    "devices_in_snapshots", devices,
                    "hosts_acknowledged", acknowledged,
                    "tree_generation_s (set-up)", AgentScanBenchmark.round(generationSeconds),
                    "runs", runs,
                    "initial_snapshots_median_s", AgentScanBenchmark.round(seconds.median()),
                    "initial_snapshots_max_s", AgentScanBenchmark.round(seconds.max())),
                    "all hosts acknowledged, median <= " + (int) TARGET_SECONDS + " s",
                    acknowledged == hosts && seconds.median() <= TARGET_SECONDS);
            ResultsWriter.write(result, bench.resultsFolder(), bench.out());
            return 0;
        } finally {
            DeleteTree.quietly(scratch);
        }
    }
}
