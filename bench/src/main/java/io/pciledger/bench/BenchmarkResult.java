package io.pciledger.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One scenario's outcome: its figures in a fixed order, the target it is held to, and whether it met it.
 *
 * @param scenario the scenario's name, e.g. {@code agent-scan}
 * @param figures  name → value, printed in this order
 * @param target   the goal in words, e.g. "median ≤ 200 ms"
 * @param met      whether the measured figure meets the target
 */
public record BenchmarkResult(String scenario, Map<String, Object> figures, String target, boolean met) {

    public BenchmarkResult {
        figures = new LinkedHashMap<>(figures);
    }

    /** Figures in the order given: {@code figures("runs", 30, "median_ms", 12.5)}. */
    public static Map<String, Object> figures(final Object... namesAndValues) {
        final Map<String, Object> figures = new LinkedHashMap<>();
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            figures.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return figures;
    }
}
