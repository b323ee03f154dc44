package io.pciledger.cli;

import java.util.Properties;

/**
 * Gives the JVM's common fork-join pool at least two threads. With one (what it gets on a 2-core machine: cores - 1),
 * {@code CompletableFuture} runs every asynchronous stage on a <em>new thread</em>, and the JDK's HTTP client completes
 * each response body that way, as the forwarding between query-service instances and the benchmarks' clients use it:
 * under {@code bench http-claims} 2,341 threads were started in 20 s, about one per two requests (JFR,
 * {@code jdk.ThreadStart}), and with two pool threads the benchmark went from 298 to 376 granted claims/s.
 *
 * <p>Must run before anything uses the common pool, which reads the setting once: first thing in {@code main}.
 */
final class CommonPoolSize {

    static final String PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

    private CommonPoolSize() {
    }

    /** Sets {@value #PARALLELISM} to 2 on a machine of 2 processors or fewer, unless it is set already. */
    static void atLeastTwo(final Properties systemProperties, final int processors) {
        if (processors <= 2 && systemProperties.getProperty(PARALLELISM) == null) {
            systemProperties.setProperty(PARALLELISM, "2");
        }
    }
}
