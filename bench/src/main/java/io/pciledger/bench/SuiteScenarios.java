package io.pciledger.bench;

import io.pciledger.bench.SuiteScenario.RawRate;
import java.util.List;

/**
 * The scenarios of {@code bench all}, in the order they run: the raw Kafka baseline first, so that every later
 * figure is read against what the same broker did minutes before. Adding a scenario is adding a line here.
 *
 * <p>Full-mode sizes are chosen so that the whole suite fits in about 7 minutes on 2 cores; where a scenario's own
 * defaults would take longer alone (fold: 100,000 facts; claims: 3 x 10,000 claims; HTTP: 30 s to 60 s of load), the
 * line says smaller ones. Every rate is still a median of several runs after a warm-up, or one long load after a
 * warm-up load. Quick mode gives every scenario its quick sizes: does it work?
 */
final class SuiteScenarios {

    static final List<SuiteScenario> ALL = List.of(
            SuiteScenario.onKafka("raw-kafka", "raw-kafka --runs 5 --warmup 3", "raw-kafka --quick")
                    .headline("produce_records_per_s_median", "%,.0f records/s produced")
                    .headline("consume_records_per_s_median", "%,.0f records/s consumed"),
            SuiteScenario.onKafka("fold", "fold --facts 30000 --hosts 300 --runs 3 --warmup 1 --timeout-minutes 5",
                            "fold --quick --timeout-minutes 5")
                    .headline("fold_facts_per_s_median", "%,.0f facts/s folded")
                    .headline("fold_to_raw_ratio", "%.3f x the raw rate of its own runs")
                    .goal(Goal.atLeast("fold_to_raw_ratio", "fold/raw", FoldBenchmark.TARGET_RATIO))
                    .comparedWith(RawRate.PRODUCE, "fold_facts_per_s_median"),
            SuiteScenario.onKafka("claims", "claims --claims 6000 --warmup-claims 6000 --runs 3", "claims --quick")
                    .headline("granted_claims_per_s_median", "%,.0f granted claims/s")
                    .headline("latency_p99_ms", "p99 %,.0f ms")
                    .goal(Goal.atLeast("granted_claims_per_s_median", "granted claims/s",
                            ClaimsBenchmark.TARGET_PER_SECOND)),
            SuiteScenario.onKafka("http-claims", "http-claims --warmup-s 60 --duration-s 30", "http-claims --quick")
                    .headline("granted_per_s", "%,.0f granted/s")
                    .headline("claim_latency_p99_ms", "p99 %,.0f ms")
                    .goal(Goal.atLeast("granted_per_s", "granted/s", HttpClaimsBenchmark.TARGET_GRANTS_PER_S))
                    .goal(Goal.atMost("claim_latency_p99_ms", "p99 ms", HttpClaimsBenchmark.TARGET_P99_MS)),
            reads("http-reads", "http-reads --warmup-s 10 --duration-s 20", "http-reads --quick"),
            reads("http-reads-hosts", "http-reads --read hosts --warmup-s 10 --duration-s 20",
                    "http-reads --read hosts --quick"),
            SuiteScenario.onKafka("http-candidates", "http-candidates --warmup-s 10 --duration-s 20",
                            "http-candidates --quick")
                    .headline("latency_p99_ms", "p99 %.1f ms")
                    .headline("requests_per_s", "%,.0f requests/s")
                    .goal(Goal.atMost("latency_p99_ms", "p99 ms", CandidatesBenchmark.TARGET_P99_MS)),
            SuiteScenario.onKafka("replay", "replay", "replay --quick")
                    .headline("replay_s_per_million_events", "%.1f s per 1M events")
                    .headline("events_per_s_median", "%,.0f events/s")
                    .goal(Goal.atMost("replay_s_per_million_events", "s per 1M events", 20))
                    .comparedWith(RawRate.CONSUME, "events_per_s_median"),
            SuiteScenario.offKafka("agent-scan", "agent-scan --warmup 20 --runs 30", "agent-scan --warmup 3 --runs 5")
                    .headline("scan_and_match_median_ms", "median %,.0f ms")
                    .goal(Goal.atMost("scan_and_match_median_ms", "median ms", AgentScanBenchmark.TARGET_MS)));

    private SuiteScenarios() {
    }

    /** A read scenario: requests/s and p99 against issue 5's read target. */
    private static SuiteScenario reads(final String name, final String full, final String quick) {
        return SuiteScenario.onKafka(name, full, quick)
                .headline("requests_per_s", "%,.0f requests/s")
                .headline("latency_p99_ms", "p99 %.2f ms")
                .goal(Goal.atLeast("requests_per_s", "requests/s", HttpReadsBenchmark.TARGET_REQUESTS_PER_S))
                .goal(Goal.atMost("latency_p99_ms", "p99 ms", HttpReadsBenchmark.TARGET_P99_MS));
    }
}
