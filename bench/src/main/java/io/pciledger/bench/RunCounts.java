package io.pciledger.bench;

import picocli.CommandLine.Option;

/**
 * How many times a scenario measures, after how many unmeasured runs: {@code --runs} and {@code --warmup}, with the
 * same defaults wherever they appear (3 after 1; 1 after 0 with {@code --quick}). A picocli mixin.
 */
final class RunCounts {

    @Option(names = "--runs", description = "Measured runs (default 3; 1 with --quick).")
    private Integer runs;

    @Option(names = "--warmup", description = "Unmeasured runs first (default 1; 0 with --quick).")
    private Integer warmup;

    /** @throws picocli.CommandLine.ParameterException when {@code --runs} is below 1 */
    int measured(final KafkaBenchOptions options) {
        final int measured = options.sized(runs, 1, 3);
        options.requirePositive("--runs", measured);
        return measured;
    }

    /** @throws picocli.CommandLine.ParameterException when {@code --warmup} is below 0 */
    int warmup(final KafkaBenchOptions options) {
        final int warmupRuns = options.sized(warmup, 0, 1);
        options.requireNotNegative("--warmup", warmupRuns);
        return warmupRuns;
    }
}
