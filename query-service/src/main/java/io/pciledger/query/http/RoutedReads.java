package io.pciledger.query.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.pciledger.ledger.domain.ClaimResult;
import io.pciledger.query.EmbeddedLedger;
import io.pciledger.ledger.query.InstanceEndpoint;
import io.pciledger.ledger.query.KeyOwners;
import io.pciledger.ledger.query.LocalLedgerReads;
import io.pciledger.ledger.query.StoreUnavailableException;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Answers a read of a key (a host, a claim id) on the instance that holds it:
 * <ol>
 *   <li>this instance runs the key's active task: read the local store;</li>
 *   <li>another instance does: forward the request to it ({@link Forwarder});</li>
 *   <li>that instance cannot be reached (it died, and the group has not rebalanced yet): read a standby replica,
 *       here or on another instance, and mark the answer {@code may_be_stale}.</li>
 * </ol>
 * While the stores are unavailable (starting, rebalancing, restoring) the read waits and retries, up to the
 * configured wait, instead of failing; after that it answers 503 with {@code Retry-After}.
 *
 * <p>Only the first case, with the store answering and no {@code ?after=} to wait for, is answered on the server's
 * thread; everything that forwards or waits runs on a waiting thread ({@link WaitingRequests}).
 */
final class RoutedReads {

    /** Produces the answer from a local store; {@code fromStandby} marks an answer that may be behind. */
    interface LocalAnswer {
        Object answer(LocalLedgerReads reads, boolean fromStandby) throws Exception;
    }

    /** What a {@link LocalAnswer} returns when it has answered the request itself. */
    static final Object ANSWERED = new Object();

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EmbeddedLedger ledger;
    private final Supplier<InstanceEndpoint> self;
    private final Forwarder forwarder;
    private final Duration wait;
    private final WaitingRequests waits;

    RoutedReads(final EmbeddedLedger ledger, final Supplier<InstanceEndpoint> self, final Forwarder forwarder,
            final Duration wait, final WaitingRequests waits) {
        this.ledger = ledger;
        this.self = self;
        this.forwarder = forwarder;
        this.wait = wait;
        this.waits = waits;
    }

    /** Answers {@code ctx} for a host's stores, as {@code local} reads them where they are. */
    void host(final Context ctx, final String host, final LocalAnswer local) throws Exception {
        read(ctx, () -> ledger.routing().hostOwners(host), local, Forwarder.pathAndQuery(ctx), host,
                Forwarder.isForwarded(ctx));
    }

    /**
     * As {@link #host}, for a request that arrived under another path (a claim looked up by id, found on
     * {@code host}): forwards as {@code pathAndQuery}, once more even if this request was itself forwarded.
     */
    void hostOnBehalf(final Context ctx, final String host, final LocalAnswer local, final String pathAndQuery)
            throws Exception {
        read(ctx, () -> ledger.routing().hostOwners(host), local, pathAndQuery, host, false);
    }

    /** Answers {@code ctx} for a claim id's standing result. */
    void claim(final Context ctx, final String claimId, final LocalAnswer local) throws Exception {
        read(ctx, () -> ledger.routing().claimOwners(claimId), local, Forwarder.pathAndQuery(ctx), null,
                Forwarder.isForwarded(ctx));
    }

    private void read(final Context ctx, final Supplier<KeyOwners> ownersOf, final LocalAnswer local,
            final String pathAndQuery, final String hostForPosition, final boolean forwarded) throws Exception {
        if (WaitingRequests.isWaitingThread() || !answeredHere(ctx, ownersOf, local, hostForPosition)) {
            waits.defer(ctx, () -> readWaiting(ctx, ownersOf, local, pathAndQuery, hostForPosition, forwarded));
        }
    }

    /** Answers from the active task here if that needs no waiting; false when the read must forward or wait. */
    private boolean answeredHere(final Context ctx, final Supplier<KeyOwners> ownersOf, final LocalAnswer local,
            final String hostForPosition) throws Exception {
        try {
            if (!ownersOf.get().active().equals(self.get()) || !positionReached(ctx, ledger.active(), hostForPosition)) {
                return false;
            }
            respond(ctx, local.answer(ledger.active(), false), false);
            return true;
        } catch (final StoreUnavailableException notNow) {
            return false;
        }
    }

    private void readWaiting(final Context ctx, final Supplier<KeyOwners> ownersOf, final LocalAnswer local,
            final String pathAndQuery, final String hostForPosition, final boolean forwarded) throws Exception {
        final long deadline = System.nanoTime() + wait.toNanos();
        final boolean standbyAllowed = ctx.header(Forwarder.STANDBY_ALLOWED) != null;
        while (true) {
            try {
                final KeyOwners owners = ownersOf.get();
                final InstanceEndpoint me = self.get();
                if (owners.active().equals(me)) {
                    awaitPosition(ctx, ledger.active(), hostForPosition, deadline);
                    respond(ctx, local.answer(ledger.active(), false), false);
                    return;
                }
                if (forwarded && standbyAllowed) {
                    respond(ctx, local.answer(ledger.anyReplica(), true), true);
                    return;
                }
                if (forwarded) {
                    throw new StoreUnavailableException("the instances disagree about who holds this key "
                            + "(a rebalance is under way)");
                }
                try {
                    forwarder.forward(ctx, owners.active(), pathAndQuery, false);
                    return;
                } catch (final IOException activeUnreachable) {
                    if (owners.standbys().contains(me)) {
                        respond(ctx, local.answer(ledger.anyReplica(), true), true);
                        return;
                    }
                    for (final InstanceEndpoint standby : owners.standbys()) {
                        try {
                            forwarder.forward(ctx, standby, pathAndQuery, true);
                            return;
                        } catch (final IOException standbyUnreachable) {
                            // try the next standby
                        }
                    }
                    throw new StoreUnavailableException("the instance holding this key (" + owners.active()
                            + ") does not answer and no standby does", activeUnreachable);
                }
            } catch (final StoreUnavailableException notNow) {
                if (System.nanoTime() > deadline) {
                    ctx.header("Retry-After", "1");
                    throw new ApiProblem(503, "NOT_AVAILABLE_NOW", notNow.getMessage() + "; retry shortly");
                }
                Thread.sleep(50);
            }
        }
    }

    /**
     * The host the ledger decided {@code claimId} on, if any, read from this instance's store without waiting.
     *
     * @throws StoreUnavailableException when this instance cannot tell now: another instance holds the claim id's
     *                                   answer, or the store cannot be read (use {@link #decidedHost} then)
     */
    Optional<String> decidedHostHere(final String claimId) {
        if (!ledger.routing().claimOwners(claimId).active().equals(self.get())) {
            throw new StoreUnavailableException("claim " + claimId + " is held by another instance");
        }
        return ledger.active().claimResult(claimId).map(ClaimResult::host);
    }

    /**
     * The host the ledger decided {@code claimId} on, if any, as the instance holding the claim's standing answer
     * says: read here, or asked of that instance (with the caller's token, so a tenant finds only its own claims).
     */
    Optional<String> decidedHost(final Context ctx, final String claimId) throws Exception {
        final long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            try {
                final KeyOwners owners = ledger.routing().claimOwners(claimId);
                if (owners.active().equals(self.get())) {
                    return ledger.active().claimResult(claimId).map(ClaimResult::host);
                }
                final HttpResponse<byte[]> answer = forwarder.get(ctx, owners.active(),
                        "/v1/claims/" + URLEncoder.encode(claimId, StandardCharsets.UTF_8).replace("+", "%20"),
                        false);
                if (answer.statusCode() == 404) {
                    return Optional.empty();
                }
                if (answer.statusCode() == 200) {
                    return Optional.of(JSON.readTree(answer.body()).path("host").asText());
                }
                throw new StoreUnavailableException("instance " + owners.active() + " answered "
                        + answer.statusCode() + " about claim " + claimId);
            } catch (final StoreUnavailableException | java.io.IOException notNow) {
                if (System.nanoTime() > deadline) {
                    ctx.header("Retry-After", "1");
                    throw new ApiProblem(503, "NOT_AVAILABLE_NOW", "cannot tell where claim " + claimId
                            + " was decided: " + notNow.getMessage() + "; retry shortly");
                }
                Thread.sleep(50);
            }
        }
    }

    /** Whether the local store has reached {@code ?after=}, the ledger position a client has seen (if it passed one). */
    private static boolean positionReached(final Context ctx, final LocalLedgerReads reads, final String host) {
        if (host == null || ctx.queryParam("after") == null) {
            return true;
        }
        final OptionalLong position = reads.position(host);
        return position.isPresent() && position.getAsLong() >= Params.longParam(ctx, "after", 0, 0);
    }

    /** Waits for the local store to reach {@code ?after=}, the ledger position a client has seen. */
    private static void awaitPosition(final Context ctx, final LocalLedgerReads reads, final String host,
            final long deadline) throws InterruptedException {
        if (host == null || ctx.queryParam("after") == null) {
            return;
        }
        final long after = Params.longParam(ctx, "after", 0, 0);
        while (true) {
            final OptionalLong position = reads.position(host);
            if (position.isPresent() && position.getAsLong() >= after) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new ApiProblem(504, "POSITION_NOT_REACHED", "the ledger of host " + host + " here is at "
                        + (position.isPresent() ? position.getAsLong() : "nothing") + ", not yet at " + after
                        + "; retry shortly");
            }
            Thread.sleep(10);
        }
    }

    private void respond(final Context ctx, final Object body, final boolean fromStandby) {
        if (body == ANSWERED) {
            return;
        }
        ctx.header(Forwarder.SERVED_BY, self.get() + (fromStandby ? " (standby)" : ""));
        if (body instanceof ApiProblem problem) {
            throw problem;
        }
        ctx.json(body);
    }
}
