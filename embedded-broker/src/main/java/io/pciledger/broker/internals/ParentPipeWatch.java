package io.pciledger.broker.internals;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * Exits this JVM once its standard input reaches end-of-file, which happens when the parent
 * process that holds the other end of the pipe has exited or has been killed. (Java's
 * {@code Process.destroy()} closes the pipe too, right after its SIGTERM; a JVM already shutting
 * down is left to finish that shutdown.)
 *
 * <p>The exit runs the JVM's shutdown hooks, so Kafka gets the chance to close its logs cleanly;
 * a broker whose shutdown hangs (for instance because the rest of its quorum is gone too) is
 * halted after {@link #SHUTDOWN_GRACE}.
 */
final class ParentPipeWatch {

    /** How long a broker may spend shutting down after its parent has gone before it is halted. */
    static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    /** The exit code of a child JVM that exits because its parent is gone. */
    static final int PARENT_GONE_EXIT_CODE = 143;

    private ParentPipeWatch() {
    }

    /** Starts the daemon thread that waits for end-of-file on standard input. */
    static void exitWhenStandardInputCloses() {
        final Thread watch = new Thread(ParentPipeWatch::exitAtEndOfInput, "parent-pipe-watch");
        watch.setDaemon(true);
        watch.start();
    }

    private static void exitAtEndOfInput() {
        readUntilEndOfFile(System.in);
        if (isShuttingDown()) {
            // The parent stopped this broker with SIGTERM, which also closes the pipe, and it
            // watches the shutdown itself: let it run for as long as the parent allows.
            return;
        }
        System.err.println("Parent process is gone (standard input closed): shutting this broker down");
        haltAfterGracePeriod();
        System.exit(PARENT_GONE_EXIT_CODE);
    }

    private static void readUntilEndOfFile(final InputStream input) {
        final byte[] buffer = new byte[256];
        try {
            while (input.read(buffer) >= 0) {
                // The parent never writes; anything read is ignored.
            }
        } catch (final IOException closed) {
            // A broken pipe means the same as end-of-file: the parent is gone.
        }
    }

    private static boolean isShuttingDown() {
        final Thread probe = new Thread(() -> { }, "shutdown-probe");
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (final IllegalStateException shutdownInProgress) {
            return true;
        }
    }

    private static void haltAfterGracePeriod() {
        final Thread halter = new Thread(() -> {
            try {
                Thread.sleep(SHUTDOWN_GRACE.toMillis());
            } catch (final InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            System.err.println("Broker did not shut down within " + SHUTDOWN_GRACE + ": halting");
            Runtime.getRuntime().halt(PARENT_GONE_EXIT_CODE);
        }, "parent-gone-halter");
        halter.setDaemon(true);
        halter.start();
    }
}
