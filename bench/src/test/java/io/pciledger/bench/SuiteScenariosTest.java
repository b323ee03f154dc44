package io.pciledger.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SuiteScenariosTest {

    static Stream<Named<List<String>>> commandLines() {
        final ScenarioRunner full = new ScenarioRunner(Path.of("results"), false, "127.0.0.1:9092", null, null);
        final ScenarioRunner quick = new ScenarioRunner(Path.of("results"), true, "127.0.0.1:9092", null, null);
        return SuiteScenarios.ALL.stream().flatMap(scenario -> Stream.of(
                Named.of(scenario.name() + " (full)", full.commandLine(scenario)),
                Named.of(scenario.name() + " (quick)", quick.commandLine(scenario))));
    }

    @ParameterizedTest
    @MethodSource("commandLines")
    void everyLineIsABenchCommandItsScenarioAccepts(final List<String> commandLine) {
        assertThatCode(() -> new CommandLine(new BenchCommand()).parseArgs(commandLine.toArray(String[]::new)))
                .doesNotThrowAnyException();
    }

    @Test
    void theRawBaselineRunsFirstSoEveryRateCanBeReadAgainstIt() {
        assertThat(SuiteScenarios.ALL.get(0).name()).isEqualTo(SuiteSummary.BASELINE);
    }

    @Test
    void namesAreUniqueAndEveryScenarioButTheBaselineHasAGoal() {
        assertThat(SuiteScenarios.ALL.stream().map(SuiteScenario::name)).doesNotHaveDuplicates();
        assertThat(SuiteScenarios.ALL.subList(1, SuiteScenarios.ALL.size()))
                .allSatisfy(scenario -> assertThat(scenario.goals()).isNotEmpty());
    }

    @Test
    void theIssuesScenariosAreAllThere() {
        assertThat(SuiteScenarios.ALL.stream().map(SuiteScenario::name)).contains("raw-kafka", "fold", "claims",
                "http-claims", "http-reads", "http-reads-hosts", "http-candidates", "agent-scan");
    }
}
