package io.pciledger.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One scenario's line in the suite's summary, in words: its headline figures, its rate against the raw baseline of
 * the same run, how many runs after how much warm-up, its target, and the verdict: met, NOT MET by how much, or
 * FAILED with its error.
 *
 * @param scenario the scenario's name
 * @param status   {@code met}, {@code not met}, {@code failed} or {@code baseline}
 * @param headline e.g. {@code 1,853 facts/s folded, 0.006 x the raw rate of its own runs}
 * @param vsRaw    e.g. {@code 0.005 x produce}; empty where the scenario is not compared, or the baseline is missing
 * @param runs     as the result says it, e.g. {@code 3 after 1 warm-up}
 * @param target   the goals in words
 * @param verdict  e.g. {@code NOT MET: fold/raw 0.006 < 0.3 (50x short)}
 * @param tookS    seconds the scenario ran, set-up included
 */
record SummaryRow(String scenario, String status, String headline, String vsRaw, String runs, String target,
        String verdict, double tookS) {

    /** @param baseline the outcome of the raw baseline in the same run, if it ran */
    static SummaryRow of(final ScenarioOutcome outcome, final Optional<ScenarioOutcome> baseline) {
        final SuiteScenario scenario = outcome.scenario();
        final String status = outcome.failed() ? "failed" : scenario.goals().isEmpty() ? "baseline"
                : outcome.met() ? "met" : "not met";
        final String verdict = switch (status) {
            case "failed" -> "FAILED: " + outcome.error();
            case "not met" -> "NOT MET: " + shortfalls(outcome);
            default -> status;
        };
        final Object runs = outcome.figures().get("runs");
        return new SummaryRow(scenario.name(), status, headline(outcome), vsRaw(outcome, baseline),
                runs == null ? "" : runs.toString(), scenario.target(), verdict,
                Math.round(outcome.took().toMillis() / 100.0) / 10.0);
    }

    private static String headline(final ScenarioOutcome outcome) {
        final List<String> parts = new ArrayList<>();
        for (final SuiteScenario.Headline headline : outcome.scenario().headlines()) {
            final double value = outcome.number(headline.figure());
            if (!Double.isNaN(value)) {
                parts.add(String.format(Locale.ROOT, headline.format(), value));
            }
        }
        return String.join(", ", parts);
    }

    private static String vsRaw(final ScenarioOutcome outcome, final Optional<ScenarioOutcome> baseline) {
        final SuiteScenario.Comparison comparison = outcome.scenario().comparison();
        if (comparison == null || outcome.failed()) {
            return "";
        }
        final double raw = baseline.filter(ran -> !ran.failed()).map(ran -> ran.number(comparison.raw().figure))
                .orElse(Double.NaN);
        final double rate = outcome.number(comparison.figure());
        if (Double.isNaN(raw) || raw <= 0 || Double.isNaN(rate)) {
            return "no baseline in this run";
        }
        return Goal.number(rate / raw) + " x " + comparison.raw().label;
    }

    /** The goals the figures miss, by how much; the scenario's own verdict stands when they show none. */
    private static String shortfalls(final ScenarioOutcome outcome) {
        final List<String> missed = new ArrayList<>();
        for (final Goal goal : outcome.scenario().goals()) {
            final double value = outcome.number(goal.figure());
            if (Double.isNaN(value)) {
                missed.add(goal.label() + " not in the result");
            } else if (!goal.metBy(value)) {
                missed.add(goal.shortfall(value));
            }
        }
        return missed.isEmpty() ? "by its own account (see " + outcome.scenario().name() + ".md)"
                : String.join("; ", missed);
    }
}
