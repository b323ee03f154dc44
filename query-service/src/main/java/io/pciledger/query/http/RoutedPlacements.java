package io.pciledger.query.http;

import io.javalin.http.Context;
import io.pciledger.ledger.query.InstanceEndpoint;
import io.pciledger.ledger.query.StoreUnavailableException;
import io.pciledger.query.EmbeddedLedger;
import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Places every claim without a host on one instance: the one holding the claim id's standing answer (the
 * {@code claim-results} store). All placements of a claim id meet there, where a retry joins the placement under way
 * or goes to the host the claim was placed on. Without this, the same claim id sent through two instances at once
 * could be placed by each on a host of its own, and granted twice: the ledger's idempotency is per host.
 *
 * <p>A placement for a claim id held elsewhere is forwarded to that instance ({@link Forwarder#forwardPost}) and its
 * answer relayed. While no instance is known to hold the claim id, or the one that does cannot be reached, the
 * request waits and asks again, up to the reads' wait, then answers 503 with {@code Retry-After}: placing it here
 * instead could place it a second time. A forwarded placement is placed where it arrives, never forwarded again.
 */
final class RoutedPlacements {

    private final EmbeddedLedger ledger;
    private final Supplier<InstanceEndpoint> self;
    private final Forwarder forwarder;
    private final Duration wait;
    private final Duration answerTimeout;
    private final WaitingRequests waits;

    /**
     * @param wait          how long a placement waits for the instance holding its claim id to be known and reachable
     * @param answerTimeout how long a forwarded placement may take to be answered: after that the client is told to
     *                      retry with the same claim id, which the retry's placement then joins
     */
    RoutedPlacements(final EmbeddedLedger ledger, final Supplier<InstanceEndpoint> self, final Forwarder forwarder,
            final Duration wait, final Duration answerTimeout, final WaitingRequests waits) {
        this.ledger = ledger;
        this.self = self;
        this.forwarder = forwarder;
        this.wait = wait;
        this.answerTimeout = answerTimeout;
        this.waits = waits;
    }

    /**
     * Whether this instance places {@code claimId}, as far as it can tell without waiting: it holds the claim id's
     * standing answer, or another instance forwarded the placement here.
     */
    boolean placesHere(final Context ctx, final String claimId) {
        if (Forwarder.isForwarded(ctx)) {
            return true;
        }
        try {
            return ledger.routing().claimOwners(claimId).active().equals(self.get());
        } catch (final StoreUnavailableException notKnownNow) {
            return false;
        }
    }

    /**
     * Answers {@code ctx}, on a waiting thread, with the answer of the instance placing {@code claimId}; runs
     * {@code placeHere} instead when that instance turns out to be this one (the claim id moved here in a rebalance).
     */
    void placeWhereHeld(final Context ctx, final String claimId,
            final WaitingRequests.Supplying<CompletableFuture<Void>> placeHere) throws Exception {
        waits.deferAsync(ctx, () -> placeWaiting(ctx, claimId, placeHere));
    }

    private CompletableFuture<Void> placeWaiting(final Context ctx, final String claimId,
            final WaitingRequests.Supplying<CompletableFuture<Void>> placeHere) throws Exception {
        final long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            InstanceEndpoint placer = null;
            try {
                placer = ledger.routing().claimOwners(claimId).active();
                if (placer.equals(self.get())) {
                    return placeHere.get();
                }
                forwarder.forwardPost(ctx, placer, Forwarder.pathAndQuery(ctx), answerTimeout);
                return CompletableFuture.completedFuture(null);
            } catch (final HttpTimeoutException slow) {
                if (!(slow instanceof HttpConnectTimeoutException)) {
                    throw new ApiProblem(504, "NO_COMMITTED_ANSWER", "instance " + placer + ", which places claim "
                            + claimId + ", did not answer within " + answerTimeout.toMillis() + " ms; retry with the"
                            + " same claim id").with("claim_id", claimId);
                }
                waitOrGiveUp(ctx, claimId, deadline, "instance " + placer + " does not answer");
            } catch (final StoreUnavailableException | IOException notNow) {
                waitOrGiveUp(ctx, claimId, deadline, notNow.toString());
            }
        }
    }

    private static void waitOrGiveUp(final Context ctx, final String claimId, final long deadline,
            final String why) throws InterruptedException {
        if (System.nanoTime() > deadline) {
            ctx.header("Retry-After", "1");
            throw new ApiProblem(503, "NOT_AVAILABLE_NOW", "cannot reach the instance that places claim " + claimId
                    + ": " + why + "; retry shortly with the same claim id");
        }
        Thread.sleep(50);
    }
}
