package io.pciledger.query.http;

import io.javalin.http.Context;
import io.pciledger.ledger.query.InstanceEndpoint;
import io.pciledger.ledger.query.StoreUnavailableException;
import io.pciledger.query.EmbeddedLedger;
import java.io.IOException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
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
 * <p>A placement for a claim id held elsewhere is forwarded to that instance ({@link Forwarder#post}) and its answer
 * relayed. An instance places a forwarded placement only if it holds the claim id by its own reckoning; otherwise
 * (the instances disagree during a rebalance) it answers {@value #NOT_HOLDER}, and the forwarding instance looks the
 * holder up again. While no instance is known to hold the claim id, or the one that does cannot be reached, the
 * request waits and asks again, up to the reads' wait, then answers 503 with {@code Retry-After}: placing it here
 * instead could place it a second time.
 *
 * <p>What this cannot cover: a placement under way on the old holder when the claim id's partition moves (an
 * instance joins, leaves or dies). The new holder does not know of it until the ledger has decided its command, and
 * may place a retry elsewhere (docs/decisions.md).
 */
final class RoutedPlacements {

    /** On an answer to a forwarded placement: this instance does not hold the claim id, ask the holder again. */
    static final String NOT_HOLDER = "X-PCI-Ledger-Not-Holder";

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
     * standing answer.
     *
     * @throws ApiProblem 503 with {@value #NOT_HOLDER} when another instance forwarded the placement here and this
     *                    one does not hold the claim id (or cannot tell now)
     */
    boolean placesHere(final Context ctx, final String claimId) {
        final boolean holder = holdsNow(claimId);
        if (Forwarder.isForwarded(ctx) && !holder) {
            ctx.header(NOT_HOLDER, "true");
            ctx.header("Retry-After", "1");
            throw new ApiProblem(503, "NOT_AVAILABLE_NOW", "instance " + self.get() + " does not hold claim id "
                    + claimId + " now (a rebalance is under way); retry shortly with the same claim id");
        }
        return holder;
    }

    private boolean holdsNow(final String claimId) {
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
        waits.deferAsync(ctx, () -> relayedFromHolder(ctx, claimId) ? CompletableFuture.completedFuture(null)
                : placeHere.get());
    }

    /**
     * Relays the answer of the instance holding {@code claimId} into {@code ctx}; false, relaying nothing, when this
     * instance holds the claim id itself.
     */
    private boolean relayedFromHolder(final Context ctx, final String claimId) throws Exception {
        final long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            InstanceEndpoint holder = null;
            try {
                holder = ledger.routing().claimOwners(claimId).active();
                if (holder.equals(self.get())) {
                    return false;
                }
                final HttpResponse<byte[]> answer = forwarder.post(ctx, holder, Forwarder.pathAndQuery(ctx),
                        answerTimeout);
                if (answer.headers().firstValue(NOT_HOLDER).isEmpty()) {
                    Forwarder.relay(ctx, holder, answer);
                    return true;
                }
                waitOrGiveUp(ctx, claimId, deadline, "instance " + holder + " does not hold it yet");
            } catch (final HttpTimeoutException slow) {
                if (!(slow instanceof HttpConnectTimeoutException)) {
                    throw new ApiProblem(504, "NO_COMMITTED_ANSWER", "instance " + holder + ", which places claim "
                            + claimId + ", did not answer within " + answerTimeout.toMillis() + " ms; retry with the"
                            + " same claim id (and no host)").with("claim_id", claimId);
                }
                waitOrGiveUp(ctx, claimId, deadline, "instance " + holder + " does not answer");
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
