package io.pciledger.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code bench all}: every scenario of {@link SuiteScenarios}, in its order, in this JVM and against one Kafka (an
 * embedded broker started once for the suite, or {@code --bootstrap-servers}), then one summary table
 * ({@link SuiteSummary}). Each scenario writes its own result as it would alone. A scenario that fails is reported as
 * failed and the suite goes on; the exit code is 1 when any failed, 0 otherwise (an unmet target is not a failure).
 */
@Command(name = "all", mixinStandardHelpOptions = true,
        description = {"Runs every benchmark scenario against one broker and prints one summary table, written as "
                + "summary.json and summary.md next to each scenario's own files.",
                "Full mode takes about 7 minutes on 2 cores: where a scenario's own defaults would take "
                        + "longer, the suite gives it smaller sizes (fold 3 runs of 30,000 facts, claims 3 x 6,000 "
                        + "claims, HTTP loads of 20-30 s after 10-60 s warm-up); --list shows every scenario's "
                        + "command line. --quick takes about 1-2 minutes.",
                "Exit code: 0 when every scenario ran (met or not), 1 when one failed, 2 on bad options."})
public final class SuiteCommand implements Callable<Integer> {

    @ParentCommand
    private BenchCommand bench;

    @Spec
    private CommandSpec spec;

    @Option(names = "--quick", description = "Every scenario with its quick sizes: does it all work? (1-2 minutes)")
    private boolean quick;

    @Option(names = "--bootstrap-servers",
            description = "An existing cluster (default: one embedded single-node broker for the whole suite).")
    private String bootstrapServers;

    @Option(names = "--list", description = "Print the scenarios with their full and quick command lines, run nothing.")
    private boolean list;

    @Option(names = "--only", split = ",", paramLabel = "SCENARIO",
            description = "Run only these scenarios (comma-separated), in the suite's order.")
    private List<String> only = new ArrayList<>();

    @Option(names = "--skip", split = ",", paramLabel = "SCENARIO",
            description = "Do not run these scenarios (comma-separated).")
    private List<String> skip = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        final List<SuiteScenario> selected;
        try {
            selected = ScenarioSelection.select(SuiteScenarios.ALL, only, skip);
        } catch (IllegalArgumentException badSelection) {
            throw new ParameterException(spec.commandLine(), badSelection.getMessage());
        }
        final PrintWriter out = bench.out();
        if (list) {
            for (final SuiteScenario scenario : selected) {
                out.printf("%-18s full: bench %s%n%-18s quick: bench %s%n", scenario.name(),
                        String.join(" ", scenario.fullArguments()), "", String.join(" ", scenario.quickArguments()));
            }
            out.flush();
            return 0;
        }
        final boolean needsKafka = selected.stream().anyMatch(SuiteScenario::onKafka);
        final SuiteSummary summary;
        final long connecting = System.nanoTime();
        try (BenchKafka kafka = needsKafka ? BenchKafka.connect(bootstrapServers) : null) {
            final String kafkaDescription = kafka == null ? "none needed" : bootstrapServers != null
                    ? kafka.describe() : String.format(Locale.ROOT, "%s, one for the whole suite (started in %.0f s)",
                            kafka.describe(), (System.nanoTime() - connecting) / 1e9);
            final ScenarioRunner runner = new ScenarioRunner(bench.resultsFolder(), quick,
                    kafka == null ? null : kafka.bootstrapServers(), out, bench.err());
            summary = SuiteRun.run(selected, runner, quick ? "quick" : "full", kafkaDescription, out);
        }
        summary.write(bench.resultsFolder());
        out.printf("%n%s%nWritten to %s and %s%n", summary.markdown(),
                bench.resultsFolder().resolve("summary.md"), bench.resultsFolder().resolve("summary.json"));
        out.flush();
        return summary.failures() == 0 ? 0 : 1;
    }
}
