package io.pciledger.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one scenario of the suite gave: the figures of the result it wrote (empty when it wrote none), whether it met
 * its target by its own account, and, when it failed, why.
 *
 * @param scenario the suite's line
 * @param figures  the result's figures, in its order; empty when no result was written
 * @param met      the result's own verdict
 * @param error    why it failed (an exception's message, or its exit code), or null when it ran to the end
 * @param took     how long it ran, set-up included
 */
record ScenarioOutcome(SuiteScenario scenario, Map<String, Object> figures, boolean met, String error,
        Duration took) {

    ScenarioOutcome {
        Objects.requireNonNull(scenario, "scenario");
        figures = new LinkedHashMap<>(figures);
    }

    boolean failed() {
        return error != null;
    }

    /** The figure as a number; NaN when the result has no such figure or it is not a number. */
    double number(final String figure) {
        return figures.get(figure) instanceof Number value ? value.doubleValue() : Double.NaN;
    }
}
