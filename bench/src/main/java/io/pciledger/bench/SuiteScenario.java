package io.pciledger.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One line of {@code bench all}'s table ({@link SuiteScenarios}): which {@code bench} command it runs in full and in
 * quick mode, which of its result's figures the summary shows, the goals it is held to, and which rate of the raw
 * baseline, if any, its headline rate is compared with. Its name is the name of the result the command writes
 * ({@code NAME.json} in the results folder).
 *
 * @param name           e.g. {@code http-reads-hosts}
 * @param fullArguments  the {@code bench} command line in full mode, e.g. {@code [http-reads, --read, hosts]}
 * @param quickArguments the same in quick mode
 * @param onKafka        whether it needs Kafka (the suite then passes {@code --bootstrap-servers})
 * @param headlines      the figures the summary shows
 * @param goals          the targets, empty for the baseline itself
 * @param comparison     the headline rate read against the raw baseline, or null where that means nothing
 */
record SuiteScenario(String name, List<String> fullArguments, List<String> quickArguments, boolean onKafka,
        List<Headline> headlines, List<Goal> goals, Comparison comparison) {

    /**
     * A figure as the summary shows it.
     *
     * @param figure the figure's name in the result, e.g. {@code granted_per_s}
     * @param format how its value is written, e.g. {@code %,.0f granted/s}
     */
    record Headline(String figure, String format) {
    }

    /** The rates of {@code bench raw-kafka} a scenario can be read against. */
    enum RawRate {
        PRODUCE("produce_records_per_s_median", "produce"),
        CONSUME("consume_records_per_s_median", "consume");

        final String figure;
        final String label;

        RawRate(final String figure, final String label) {
            this.figure = figure;
            this.label = label;
        }
    }

    /**
     * @param figure the scenario's rate, e.g. {@code fold_facts_per_s_median}
     * @param raw    the raw rate it is divided by
     */
    record Comparison(String figure, RawRate raw) {
    }

    SuiteScenario {
        Objects.requireNonNull(name, "name");
        fullArguments = List.copyOf(fullArguments);
        quickArguments = List.copyOf(quickArguments);
        headlines = List.copyOf(headlines);
        goals = List.copyOf(goals);
    }

    /** A scenario on Kafka; each command line is the {@code bench} subcommand and its options, split on spaces. */
    static SuiteScenario onKafka(final String name, final String full, final String quick) {
        return new SuiteScenario(name, words(full), words(quick), true, List.of(), List.of(), null);
    }

    /** A scenario that needs no Kafka. */
    static SuiteScenario offKafka(final String name, final String full, final String quick) {
        return new SuiteScenario(name, words(full), words(quick), false, List.of(), List.of(), null);
    }

    SuiteScenario headline(final String figure, final String format) {
        return new SuiteScenario(name, fullArguments, quickArguments, onKafka, plus(headlines,
                new Headline(figure, format)), goals, comparison);
    }

    SuiteScenario goal(final Goal goal) {
        return new SuiteScenario(name, fullArguments, quickArguments, onKafka, headlines, plus(goals, goal),
                comparison);
    }

    SuiteScenario comparedWith(final RawRate raw, final String figure) {
        return new SuiteScenario(name, fullArguments, quickArguments, onKafka, headlines, goals,
                new Comparison(figure, raw));
    }

    List<String> arguments(final boolean quick) {
        return quick ? quickArguments : fullArguments;
    }

    /** The goals in words, e.g. {@code requests/s >= 20,000; p99 ms <= 5.00}; "none" for the baseline. */
    String target() {
        return goals.isEmpty() ? "none (the baseline)"
                : String.join("; ", goals.stream().map(Goal::describe).toList());
    }

    private static List<String> words(final String commandLine) {
        return Arrays.asList(commandLine.trim().split("\\s+"));
    }

    private static <T> List<T> plus(final List<T> list, final T element) {
        final List<T> longer = new ArrayList<>(list);
        longer.add(element);
        return longer;
    }
}
