package io.pciledger.bench;

/**
 * What one measured load run gave: the requests answered and their response times, and which tool measured them.
 *
 * @param tool      e.g. {@code wrk 4.1.0 (1 thread, 32 connections)}
 * @param requests  requests answered in the measured time
 * @param seconds   the measured time
 * @param failures  requests answered with a status other than 2xx, or that failed (connect, read, timeout)
 * @param p50Ms     median response time
 * @param p95Ms     95th percentile
 * @param p99Ms     99th percentile
 * @param maxMs     slowest response
 * @param cpuSeconds CPU time this JVM (the service, and the load generator when it runs in this JVM) used in the
 *                   measured time ({@link ProcessCpu})
 */
record LoadResult(String tool, long requests, double seconds, long failures, double p50Ms, double p95Ms,
        double p99Ms, double maxMs, double cpuSeconds) {

    double requestsPerSecond() {
        return requests / seconds;
    }

    /** This JVM's CPU time per answered request, in microseconds. */
    double cpuMicrosPerRequest() {
        return cpuSeconds * 1e6 / Math.max(1, requests);
    }
}
