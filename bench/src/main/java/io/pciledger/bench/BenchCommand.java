package io.pciledger.bench;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pci-ledger bench SCENARIO}: performance figures anyone can rerun. Each scenario prints a
 * table (with the machine it ran on) and writes it as JSON and Markdown into the results folder;
 * {@code bench all} runs them all against one broker and sums them up in one table ({@link SuiteCommand}).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measure PCI Ledger's performance figures on this machine.",
        subcommands = {AgentScanBenchmark.class, FleetSnapshotBenchmark.class, FoldBenchmark.class,
                ClaimsBenchmark.class, ClaimsCeilingBenchmark.class, DecideBenchmark.class, HttpReadsBenchmark.class,
                HttpClaimsBenchmark.class,
                CandidatesBenchmark.class, ReplayBenchmark.class, RawKafkaBenchmark.class, SuiteCommand.class})
public final class BenchCommand {

    @Spec
    private CommandSpec spec;

    @Option(names = "--results", paramLabel = "DIR", defaultValue = "bench-results", scope = picocli.CommandLine.ScopeType.INHERIT,
            description = "Where results are written as JSON and Markdown (default ${DEFAULT-VALUE}).")
    private Path results;

    Path resultsFolder() {
        return results;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
