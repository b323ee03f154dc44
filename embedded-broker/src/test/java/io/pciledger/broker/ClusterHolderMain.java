package io.pciledger.broker;

import java.nio.file.Path;

/**
 * A stand-in for a program that owns a cluster and then dies without closing it: starts a one-node
 * cluster in the data directory given as its argument, prints {@code BROKER_PID <pid>} for each
 * child JVM and blocks until it is killed.
 */
public final class ClusterHolderMain {

    /** The start of the line that announces a broker's process id. */
    static final String PID_LINE = "BROKER_PID ";

    private ClusterHolderMain() {
    }

    public static void main(final String[] args) throws InterruptedException {
        final EmbeddedKafkaCluster kafka = EmbeddedKafkaCluster.builder().dataDir(Path.of(args[0])).build().start();
        ProcessHandle.current().children().forEach(child -> System.out.println(PID_LINE + child.pid()));
        System.out.flush();
        Thread.currentThread().join();
        kafka.close();
    }
}
