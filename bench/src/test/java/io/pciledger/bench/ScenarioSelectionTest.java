package io.pciledger.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScenarioSelectionTest {

    private static final List<SuiteScenario> SUITE = List.of(
            SuiteScenario.onKafka("raw-kafka", "raw-kafka", "raw-kafka --quick"),
            SuiteScenario.onKafka("fold", "fold", "fold --quick"),
            SuiteScenario.offKafka("agent-scan", "agent-scan", "agent-scan --runs 1"));

    private static List<String> names(final List<SuiteScenario> scenarios) {
        return scenarios.stream().map(SuiteScenario::name).toList();
    }

    @Test
    void noOptionSelectsEveryScenarioInOrder() {
        assertThat(names(ScenarioSelection.select(SUITE, List.of(), List.of())))
                .containsExactly("raw-kafka", "fold", "agent-scan");
    }

    @Test
    void onlyKeepsTheSuitesOrderNotTheOptionsOrder() {
        assertThat(names(ScenarioSelection.select(SUITE, List.of("agent-scan", "raw-kafka"), List.of())))
                .containsExactly("raw-kafka", "agent-scan");
    }

    @Test
    void skipLeavesTheOthers() {
        assertThat(names(ScenarioSelection.select(SUITE, List.of(), List.of("fold"))))
                .containsExactly("raw-kafka", "agent-scan");
    }

    @Test
    void skipAppliesAfterOnly() {
        assertThat(names(ScenarioSelection.select(SUITE, List.of("fold", "agent-scan"), List.of("fold"))))
                .containsExactly("agent-scan");
    }

    @Test
    void anUnknownNameIsRefusedNamingItAndTheKnownOnes() {
        assertThatThrownBy(() -> ScenarioSelection.select(SUITE, List.of(), List.of("folds")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--skip: no scenario named folds")
                .hasMessageContaining("raw-kafka, fold, agent-scan");
    }

    @Test
    void aSelectionThatLeavesNothingIsRefused() {
        assertThatThrownBy(() -> ScenarioSelection.select(SUITE, List.of("fold"), List.of("fold")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--only fold with --skip fold leaves no scenario to run");
    }
}
