package io.pciledger.bench;

import java.util.Map;

/** The figures every HTTP load scenario reports, in one order. */
final class HttpFigures {

    private HttpFigures() {
    }

    static Map<String, Object> of(final BenchKafka kafka, final LoadResult load, final String requests,
            final double loadAverageBefore) {
        return BenchmarkResult.figures(
                "kafka", kafka.describe(),
                "requests", requests,
                "load_tool", load.tool(),
                "measured_s", AgentScanBenchmark.round(load.seconds()),
                "requests_answered", load.requests(),
                "failed_requests", load.failures(),
                "requests_per_s", Math.round(load.requestsPerSecond()),
                "latency_p50_ms", round2(load.p50Ms()),
                "latency_p95_ms", round2(load.p95Ms()),
                "latency_p99_ms", round2(load.p99Ms()),
                "latency_max_ms", round2(load.maxMs()),
                "jvm_cpu_us_per_request", AgentScanBenchmark.round(load.cpuMicrosPerRequest()),
                "machine_load_average_before", loadAverageBefore,
                "machine_load_average_after", HttpBenchOptions.loadAverage());
    }

    /** The {@code runs} figure of a load scenario: one measured load after an unmeasured one. */
    static String runs(final int warmupSeconds, final int durationSeconds) {
        return "1 x " + durationSeconds + " s of load after " + warmupSeconds + " s warm-up";
    }

    static double round2(final double millis) {
        return Math.round(millis * 100) / 100.0;
    }
}
