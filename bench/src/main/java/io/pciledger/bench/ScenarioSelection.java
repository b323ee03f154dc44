package io.pciledger.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Which scenarios of the suite run: {@code --only} and {@code --skip}, by name, in the suite's own order. */
final class ScenarioSelection {

    private ScenarioSelection() {
    }

    /**
     * @param only the names to run, or empty for all
     * @param skip the names not to run
     * @throws IllegalArgumentException naming a name that is not in {@code suite}, or when nothing is left to run
     */
    static List<SuiteScenario> select(final List<SuiteScenario> suite, final List<String> only,
            final List<String> skip) {
        final Set<String> known = suite.stream().map(SuiteScenario::name).collect(Collectors.toSet());
        requireKnown("--only", only, known, suite);
        requireKnown("--skip", skip, known, suite);
        final List<SuiteScenario> selected = new ArrayList<>();
        for (final SuiteScenario scenario : suite) {
            if ((only.isEmpty() || only.contains(scenario.name())) && !skip.contains(scenario.name())) {
                selected.add(scenario);
            }
        }
        if (selected.isEmpty()) {
            final List<String> given = new ArrayList<>();
            if (!only.isEmpty()) {
                given.add("--only " + String.join(",", only));
            }
            given.add("--skip " + String.join(",", skip));
            throw new IllegalArgumentException(String.join(" with ", given) + " leaves no scenario to run");
        }
        return selected;
    }

    private static void requireKnown(final String option, final List<String> names, final Set<String> known,
            final List<SuiteScenario> suite) {
        final Set<String> unknown = new TreeSet<>(names);
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(option + ": no scenario named " + String.join(", ", unknown)
                    + "; the suite's scenarios are " + String.join(", ",
                            suite.stream().map(SuiteScenario::name).toList()));
        }
    }
}
