package io.pciledger.bench;

import java.util.Locale;

/**
 * One figure of a scenario's result held to a bound, as the suite's summary states it: what the target is, and by
 * how much a measured value misses it.
 *
 * @param figure  the figure's name in the scenario's result, e.g. {@code latency_p99_ms}
 * @param label   how the summary names it, e.g. {@code p99 ms}
 * @param atLeast true when the value must be at least {@code bound}, false when at most
 * @param bound   the target
 */
record Goal(String figure, String label, boolean atLeast, double bound) {

    static Goal atLeast(final String figure, final String label, final double bound) {
        return new Goal(figure, label, true, bound);
    }

    static Goal atMost(final String figure, final String label, final double bound) {
        return new Goal(figure, label, false, bound);
    }

    boolean metBy(final double value) {
        return atLeast ? value >= bound : value <= bound;
    }

    /** E.g. {@code granted claims/s >= 2,000}. */
    String describe() {
        return label + (atLeast ? " >= " : " <= ") + number(bound);
    }

    /**
     * How far {@code value} is from the bound, e.g. {@code granted claims/s 89 < 2,000 (22x short)} or
     * {@code p99 ms 7.04 > 5 (41 % over)}: a factor from twice the bound on, a percentage below.
     */
    String shortfall(final double value) {
        return label + " " + number(value) + (atLeast ? " < " : " > ") + number(bound) + " (" + missedBy(value)
                + ")";
    }

    private String missedBy(final double value) {
        if (atLeast && value <= 0) {
            return "nothing measured";
        }
        final double factor = atLeast ? bound / value : value / bound;
        final String direction = atLeast ? "short" : "over";
        if (factor >= 2) {
            return number(factor) + "x " + direction;
        }
        final double percent = atLeast ? (1 - value / bound) * 100 : (value / bound - 1) * 100;
        return String.format(Locale.ROOT, "%.0f %% %s", percent, direction);
    }

    /** Enough digits to read a rate, a latency or a ratio, trailing zeros dropped: 20,000, 75.3, 7.04, 5, 0.006. */
    static String number(final double value) {
        final double size = Math.abs(value);
        final String format = size >= 100 ? "%,.0f" : size >= 10 ? "%.1f" : size >= 1 ? "%.2f" : "%.3f";
        final String written = String.format(Locale.ROOT, format, value);
        return written.contains(".") ? written.replaceAll("0+$", "").replaceAll("\\.$", "") : written;
    }
}
