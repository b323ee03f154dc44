package io.pciledger.broker.internals;

/**
 * Main class of one broker child JVM: ties the broker's life to its parent's, then runs Kafka.
 *
 * <p>The parent keeps the write end of this JVM's standard input open and never writes to it.
 * When the parent goes away for any reason, including {@code kill -9} (which runs no shutdown
 * hook), the operating system closes that pipe, {@link ParentPipeWatch} reads end-of-file and this
 * JVM exits instead of living on as an orphan that holds ports and data-directory locks.
 *
 * <p>Usage: {@code BrokerProcessMain <server.properties>}.
 */
public final class BrokerProcessMain {

    private static final int USAGE_EXIT_CODE = 2;

    private BrokerProcessMain() {
    }

    /**
     * Starts watching the parent, then runs {@code kafka.Kafka} with the given properties file.
     *
     * @param args exactly one argument: the path of the node's {@code server.properties}
     */
    public static void main(final String[] args) {
        if (args.length != 1) {
            System.err.println("usage: BrokerProcessMain <server.properties>; got " + args.length + " arguments");
            System.exit(USAGE_EXIT_CODE);
        }
        ParentPipeWatch.exitWhenStandardInputCloses();
        kafka.Kafka.main(args);
    }
}
