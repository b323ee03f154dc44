package io.pciledger.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One run of the suite: the scenarios one after the other, each to its outcome whatever the others did, then the
 * summary of them all. Kafka is the caller's: it is started before and stopped after, once.
 */
final class SuiteRun {

    private SuiteRun() {
    }

    /**
     * @param mode  {@code full} or {@code quick}, as the summary names it
     * @param kafka what the scenarios run against, in words
     */
    static SuiteSummary run(final List<SuiteScenario> scenarios, final ScenarioRunner runner, final String mode,
            final String kafka, final PrintWriter out) throws IOException {
        final Instant started = Instant.now();
        final long startedNanos = System.nanoTime();
        final double loadAtStart = HttpBenchOptions.loadAverage();
        final List<ScenarioOutcome> outcomes = new ArrayList<>();
        for (int index = 0; index < scenarios.size(); index++) {
            final SuiteScenario scenario = scenarios.get(index);
            out.printf("%n== bench all [%d/%d] %s: bench %s%n", index + 1, scenarios.size(), scenario.name(),
                    String.join(" ", runner.commandLine(scenario)));
            out.flush();
            final ScenarioOutcome outcome = runner.run(scenario);
            outcomes.add(outcome);
            out.printf("== %s: %s after %.0f s%n", scenario.name(), outcome.failed() ? "FAILED" : "done",
                    outcome.took().toMillis() / 1e3);
            out.flush();
        }
        return new SuiteSummary(mode, MachineDescription.describe(), kafka, loadAtStart,
                HttpBenchOptions.loadAverage(), started, Duration.ofNanos(System.nanoTime() - startedNanos),
                SuiteSummary.rowsOf(outcomes));
    }
}
