package io.pciledger.bench;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options every benchmark on Kafka shares: where Kafka is, quick or full sizes, and the partitions of the run's
 * topics. A picocli mixin; {@link LedgerBenchOptions} adds how the ledger runs.
 */
class KafkaBenchOptions {

    @Option(names = "--bootstrap-servers", description = "An existing cluster (default: an embedded broker started for the run).")
    String bootstrapServers;

    @Option(names = "--quick", description = "Small sizes and one run: checks that the scenario works, measures little.")
    boolean quick;

    @Option(names = "--partitions", defaultValue = "6",
            description = "Partitions of every topic; the ledger runs one task per partition (default ${DEFAULT-VALUE}).")
    int partitions;

    /** The scenario's command, so that a size out of range is a usage error (exit 2), like an unknown option. */
    @Spec(Spec.Target.MIXEE)
    private CommandSpec scenario;

    /** {@code given}, or the quick or full default when the option was not given. */
    int sized(final Integer given, final int quickDefault, final int fullDefault) {
        return given != null ? given : quick ? quickDefault : fullDefault;
    }

    /** @throws ParameterException (exit 2) naming {@code option} when {@code value} is below 1 */
    void requirePositive(final String option, final long value) {
        if (value < 1) {
            throw new ParameterException(scenario.commandLine(), option + " must be at least 1, was " + value);
        }
    }

    /** @throws ParameterException (exit 2) with {@code problem} unless {@code holds} */
    void require(final boolean holds, final String problem) {
        if (!holds) {
            throw new ParameterException(scenario.commandLine(), problem);
        }
    }

    /** @throws ParameterException (exit 2) naming {@code option} when {@code value} is below 0 */
    void requireNotNegative(final String option, final long value) {
        if (value < 0) {
            throw new ParameterException(scenario.commandLine(), option + " must be 0 or more, was " + value);
        }
    }
}
