package io.pciledger.agent.sysfs;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Not a test: a one-off measurement of how long one scan of the 2,000-function {@code dense} host
 * takes, until a proper benchmark exists. From the repository root:
 * <pre>
 * ./mvnw -q -pl producer-agent test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/agent-cp.txt
 * java -cp producer-agent/target/classes:producer-agent/target/test-classes:$(cat /tmp/agent-cp.txt) \
 *     io.pciledger.agent.sysfs.DenseHostScanTiming /dev/shm
 * </pre>
 * It writes the tree under the given directory (default: the temporary directory), scans it once
 * cold, 50 times to warm the JIT and caches, then 20 times measured: wall and CPU time of each, and
 * their median. The tree is deleted at the end.
 */
final class DenseHostScanTiming {

    private static final int WARM_UP_SCANS = 50;
    private static final int MEASURED_SCANS = 20;

    private DenseHostScanTiming() {
    }

    public static void main(final String[] args) throws IOException {
        final Path parent = Path.of(args.length > 0 ? args[0] : System.getProperty("java.io.tmpdir"));
        final long writeStart = System.nanoTime();
        final FakeSysfsTree tree = FakeSysfsTree.write(Files.createTempDirectory(parent, "dense-sysfs"),
                HardwareProfile.DENSE.hardwareOf("dense-01"));
        System.out.printf("wrote %d functions under %s in %.0f ms%n", tree.hardware().size(), tree.root(),
                millisSince(writeStart));
        try {
            measure(new SysfsScanner(tree.root()));
        } finally {
            tree.delete();
        }
    }

    private static void measure(final SysfsScanner scanner) {
        final long coldStart = System.nanoTime();
        final int found = scanner.scan().size();
        System.out.printf("first scan (cold JVM): %d functions in %.1f ms%n", found, millisSince(coldStart));
        for (int i = 0; i < WARM_UP_SCANS; i++) {
            scanner.scan();
        }
        final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        final double[] wall = new double[MEASURED_SCANS];
        final double[] cpu = new double[MEASURED_SCANS];
        for (int i = 0; i < MEASURED_SCANS; i++) {
            final long cpuStart = threads.getCurrentThreadCpuTime();
            final long start = System.nanoTime();
            scanner.scan();
            wall[i] = millisSince(start);
            cpu[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
        }
        System.out.printf("warm scans: median %.1f ms wall (min %.1f), median %.1f ms CPU%n", median(wall),
                Arrays.stream(wall).min().orElseThrow(), median(cpu));
    }

    private static double millisSince(final long start) {
        return (System.nanoTime() - start) / 1e6;
    }

    private static double median(final double[] values) {
        final double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
