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
 * cores and lengthen every answer's tail. A request that waited on such a thread would hold it, and two instances
 * forwarding to each other could hold all of each other's server threads. So those waits happen here; the server's
 * threads read requests, compute answers from what this instance holds and write them.
 */
final class WaitingRequests {

    /** Request attribute: the request has been handed to a waiting thread (at most once). */
    private static final String DEFERRED = WaitingRequests.class.getName() + ".deferred";
    /** Set while a waiting thread runs a request's work: a read nested in it may wait where it is. */
    private static final ThreadLocal<Boolean> RUNNING_DEFERRED = new ThreadLocal<>();

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
     * Runs {@code work} on a waiting thread and answers {@code ctx} when it is done; runs it right here when this
     * is a waiting thread already.
     */
    void defer(final Context ctx, final Work work) throws Exception {
        if (isWaitingThread()) {
            work.run();
            return;
        }
        handOver(ctx, () -> {
            work.run();
            return CompletableFuture.<Void>completedFuture(null);
        });
    }

    /**
     * Produces {@code work}'s future on a waiting thread, and answers {@code ctx} when that future completes: for
     * work that waits a little (a lookup) and then asynchronously (a committed claim result).
     */
    void deferAsync(final Context ctx, final Supplying<CompletableFuture<Void>> work) throws Exception {
        if (isWaitingThread()) {
            work.get().join();
            return;
        }
        handOver(ctx, work);
    }

    private void handOver(final Context ctx, final Supplying<CompletableFuture<Void>> work) {
        if (ctx.attribute(DEFERRED) != null) {
            throw new IllegalStateException("a request is handed to a waiting thread once: " + ctx.path());
        }
        ctx.attribute(DEFERRED, Boolean.TRUE);
        ctx.future(() -> CompletableFuture.<CompletableFuture<Void>>supplyAsync(() -> {
            RUNNING_DEFERRED.set(Boolean.TRUE);
            try {
                return work.get();
            } catch (final Exception failure) {
                throw new CompletionException(failure);
            } finally {
                RUNNING_DEFERRED.remove();
            }
        }, waiting).thenCompose(answered -> answered));
    }

    /** Whether this thread runs a request's deferred work, where waiting is allowed. */
    static boolean isWaitingThread() {
        return RUNNING_DEFERRED.get() != null;
    }
}
