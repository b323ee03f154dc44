package io.pciledger.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Measured values of repeated runs of one scenario: durations in milliseconds, or rates. */
public final class Samples {

    private final List<Double> millis = new ArrayList<>();

    public void add(final double value) {
        millis.add(value);
    }

    public int count() {
        return millis.size();
    }

    public double median() {
        return percentile(50);
    }

    public double percentile(final double percent) {
        if (millis.isEmpty()) {
            throw new IllegalStateException("no samples");
        }
        final List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        final int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    public double max() {
        return percentile(100);
    }
}
