package io.pciledger.query.http;

import io.javalin.http.Context;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * Moves the part of a request that may wait (a forward to another instance, a rebalance, a ledger position, a
 * group registration becoming visible, a claim's lookup) off the HTTP server's threads, onto {@code waiting}.
 *
 * <p>The server has few threads, as many as the cores can keep busy: more threads than that only take turns on the
 * cores and lengthen every answer's tail. A request that waits on such a thread would hold it; two instances
 * forwarding to each other could even hold all of each other's threads. So every wait happens here, and the server's
 * threads only compute answers from what this instance holds.
 */
final class WaitingRequests {

    /** Request attribute: this request already runs on a waiting thread, so it may wait where it is. */
    private static final String DEFERRED = WaitingRequests.class.getName() + ".deferred";

    /** Work that may wait. */
    interface Work {
        void run() throws Exception;
    }

    /** Work that may wait, then produces a value. */
    interface Supplying<T> {
        T get() throws Exception;
    }

    private final Executor waiting;

    WaitingRequests(final Executor waiting) {
        this.waiting = waiting;
    }

    /**
     * Runs {@code work} on a waiting thread and answers {@code ctx} when it is done; runs it right here when the
     * request is on a waiting thread already.
     */
    void defer(final Context ctx, final Work work) throws Exception {
        if (isDeferred(ctx)) {
            work.run();
            return;
        }
        ctx.attribute(DEFERRED, Boolean.TRUE);
        ctx.future(() -> CompletableFuture.runAsync(() -> {
            try {
                work.run();
            } catch (final Exception failure) {
                throw new CompletionException(failure);
            }
        }, waiting));
    }

    /**
     * Produces {@code work}'s future on a waiting thread, and answers {@code ctx} when that future completes: for
     * work that waits a little (a lookup) and then asynchronously (a committed claim result).
     */
    void deferAsync(final Context ctx, final Supplying<CompletableFuture<Void>> work) {
        ctx.attribute(DEFERRED, Boolean.TRUE);
        ctx.future(() -> CompletableFuture.<CompletableFuture<Void>>supplyAsync(() -> {
            try {
                return work.get();
            } catch (final Exception failure) {
                throw new CompletionException(failure);
            }
        }, waiting).thenCompose(answered -> answered));
    }

    static boolean isDeferred(final Context ctx) {
        return ctx.attribute(DEFERRED) != null;
    }
}
