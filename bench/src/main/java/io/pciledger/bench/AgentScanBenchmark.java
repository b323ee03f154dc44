package io.pciledger.bench;

import io.pciledger.agent.device.HostDevices;
import io.pciledger.agent.fleet.SimulatedFleet;
import io.pciledger.agent.spec.DeviceSpecList;
import io.pciledger.agent.spec.GroupAssignment;
import io.pciledger.agent.spec.PciConfig;
import io.pciledger.agent.sysfs.FakeSysfsTree;
import io.pciledger.agent.sysfs.HardwareProfile;
import io.pciledger.agent.sysfs.SysfsScanner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bench agent-scan}: how long one node agent takes to scan a dense host (2,000 PCI functions
 * by default) from sysfs and match it against the demo device spec. Target: median ≤ 200 ms.
 */
@Command(name = "agent-scan", mixinStandardHelpOptions = true,
        description = "Scan + match of one dense host (2,000 PCI functions) from a generated sysfs tree.")
public final class AgentScanBenchmark implements Callable<Integer> {

    static final double TARGET_MS = 200;

    @ParentCommand
    private BenchCommand bench;

    @Option(names = "--warmup", defaultValue = "20", description = "Unmeasured runs first (default ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--runs", defaultValue = "30", description = "Measured runs (default ${DEFAULT-VALUE}).")
    private int runs;

    @Override
    public Integer call() throws Exception {
        final Path scratch = ScratchSpace.create("agent-scan");
        final FakeSysfsTree tree = FakeSysfsTree.write(scratch.resolve("sysfs"), HardwareProfile.DENSE.hardwareOf("dense-001"));
        final DeviceSpecList spec = demoSpec(scratch);
        final SysfsScanner scanner = new SysfsScanner(tree.root());
        try {
            for (int i = 0; i < warmup; i++) {
                spec.match(scanner.scan());
            }
            final Samples total = new Samples();
            final Samples matching = new Samples();
            int devices = 0;
            int assignable = 0;
            for (int i = 0; i < runs; i++) {
                final long started = System.nanoTime();
                final HostDevices host = scanner.scan();
                final long scanned = System.nanoTime();
                final GroupAssignment groups = spec.match(host);
                final long matched = System.nanoTime();
                total.add((matched - started) / 1e6);
                matching.add((matched - scanned) / 1e6);
                devices = host.size();
                assignable = groups.matched().size();
            }
            final BenchmarkResult result = new BenchmarkResult("agent-scan", BenchmarkResult.figures(
                    "pci_functions", devices,
                    "assignable_devices", assignable,
                    "runs", runs + " after " + warmup + " warm-up",
                    "scan_and_match_median_ms", round(total.median()),
                    "scan_and_match_p90_ms", round(total.percentile(90)),
                    "match_only_median_ms", round(matching.median())),
                    "scan + match median <= " + (int) TARGET_MS + " ms", total.median() <= TARGET_MS);
            ResultsWriter.write(result, bench.resultsFolder(), bench.out());
            return 0;
        } finally {
            DeleteTree.quietly(scratch);
        }
    }

    private static DeviceSpecList demoSpec(final Path folder) throws IOException {
        return PciConfig.load(SimulatedFleet.writeDemoConfig(folder.resolve("pci-config.json"))).deviceSpecs();
    }

    static double round(final double millis) {
        return Math.round(millis * 10) / 10.0;
    }
}
