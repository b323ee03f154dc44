package io.pciledger.bench;

import java.lang.management.ManagementFactory;

/**
 * CPU time this JVM has used, all threads together. On a machine shared with other work, requests/s depends on how
 * much of the cores the service got; CPU time per request does not, and says what the service would do with the
 * cores to itself.
 */
final class ProcessCpu {

    private ProcessCpu() {
    }

    static long nanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
