package io.pciledger.cli;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * Keeps a long-running command alive until Ctrl-C or SIGTERM, running its clean-up first; or routes
 * those signals to a handler of the command's own; and routes SIGHUP (the Unix "re-read your
 * configuration") to a handler.
 */
final class ShutdownSignal {

    private final CountDownLatch stopped = new CountDownLatch(1);

    /** Runs {@code cleanUp} on Ctrl-C or SIGTERM, then lets {@link #await()} return. */
    ShutdownSignal(final String name, final Runnable cleanUp) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                cleanUp.run();
            } finally {
                stopped.countDown();
            }
        }, name + "-shutdown"));
    }

    /**
     * Calls {@code handler} on Ctrl-C (SIGINT) and SIGTERM <em>instead of</em> starting the JVM's shutdown: for a
     * command that stops its work on its own thread and returns its own exit code. (After shutdown hooks the JVM
     * exits 130 or 143, whatever the clean-up achieved.)
     */
    static void onInterruptOrTerminate(final Runnable handler) {
        Signal.handle(new Signal("INT"), signal -> handler.run());
        Signal.handle(new Signal("TERM"), signal -> handler.run());
    }

    /** Calls {@code handler} on every SIGHUP. */
    static void onHangup(final Runnable handler) {
        Signal.handle(new Signal("HUP"), signal -> handler.run());
    }

    void await() throws InterruptedException {
        stopped.await();
    }
}
