package io.pciledger.query.http;

import io.javalin.http.Context;
import io.pciledger.ledger.domain.ClaimRequest;
import io.pciledger.ledger.domain.ClaimedDevice;
import io.pciledger.ledger.domain.CommandOutcome;
import io.pciledger.ledger.domain.CommandOutcome.Confirmed;
import io.pciledger.ledger.domain.CommandOutcome.Granted;
import io.pciledger.ledger.domain.CommandOutcome.Rejected;
import io.pciledger.ledger.domain.CommandOutcome.Released;
import io.pciledger.ledger.domain.RequestItem;
import io.pciledger.ledger.domain.RequestValidator;
import io.pciledger.ledger.query.InstanceEndpoint;
import io.pciledger.ledger.query.StoreUnavailableException;
import io.pciledger.query.auth.GroupAccess;
import io.pciledger.query.auth.Principal;
import io.pciledger.query.claims.ClaimAnswer;
import io.pciledger.query.claims.ClaimService;
import io.pciledger.query.claims.ClaimTimeoutException;
import io.pciledger.query.claims.PlacementAttempt;
import io.pciledger.query.view.CloudViews;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * {@code /v1/claims}: claim, confirm and release, each answered from the ledger's committed result
 * ({@link ClaimService}). 201 granted; 409 not enough devices, a lost race or a claim id used for another
 * request; 422 a non-migratable mix; 400 an invalid request; 403 a group the tenant may not claim; 404 an unknown
 * claim; 503 the instance placing or holding the claim id cannot be reached now; 504 no committed answer in time
 * (retry with the same claim id, and the host if the problem names one). A claim without a host is placed by the
 * instance holding its claim id ({@link RoutedPlacements}) unless this one is placing it or knows its host already.
 * No server thread waits for an answer: the committed answer is written when its future completes, and where a claim
 * id was decided before is looked up on a waiting thread ({@link WaitingRequests}) when that means asking another
 * instance or waiting. Every decision's answer names the instance that decided it in {@code X-PCI-Ledger-Served-By}.
 */
final class ClaimsApi {

    private final ClaimService claims;
    private final CloudViews views;
    private final RoutedReads routed;
    private final RoutedPlacements placements;
    private final WaitingRequests waits;
    private final Supplier<InstanceEndpoint> self;

    ClaimsApi(final ClaimService claims, final CloudViews views, final RoutedReads routed,
            final RoutedPlacements placements, final WaitingRequests waits, final Supplier<InstanceEndpoint> self) {
        this.claims = claims;
        this.views = views;
        this.routed = routed;
        this.placements = placements;
        this.waits = waits;
        this.self = self;
    }

    List<Route> routes() {
        return List.of(
                Route.post("/v1/claims", Access.WRITE, this::claim),
                Route.post("/v1/claims/{claim_id}/confirm", Access.WRITE, this::confirm),
                Route.delete("/v1/claims/{claim_id}", Access.WRITE, this::release));
    }

    /** A granted claim. */
    record GrantBody(String claimId, String host, String status, List<DeviceBody> devices, boolean liveMigratable,
            Instant expiresAt, long ledgerSeq, List<PlacementAttempt> attempts) {
    }

    /** A device of a grant. */
    record DeviceBody(String address, String group, String devType, String vnicType, Integer numaNode,
            String parentAddr, int item) {

        static DeviceBody of(final ClaimedDevice device) {
            return new DeviceBody(device.address(), device.group(), device.devType().novaName(),
                    device.vnicType() == null ? null : device.vnicType().neutronName(), device.numaNode(),
                    device.parentAddr(), device.itemIndex());
        }
    }

    /** A confirm's or release's answer. */
    record ChangeBody(String claimId, String host, String status, List<String> addresses, long ledgerSeq) {
    }

    private void claim(final Context ctx, final Principal principal) throws Exception {
        final ClaimBody body = ctx.bodyAsClass(ClaimBody.class);
        final String tenant = body.tenant() == null ? principal.tenant() : body.tenant();
        if (!principal.isAdmin() && !tenant.equals(principal.tenant())) {
            throw ApiProblem.forbidden("a tenant's token claims only for its own tenant, not '" + tenant + "'");
        }
        final ClaimRequest request = body.toDomain(tenant);
        RequestValidator.problems(request).ifPresent(problems -> {
            throw new ApiProblem(400, "INVALID_REQUEST", problems);
        });
        for (final RequestItem item : request.items()) {
            if (item.group() != null && !GroupAccess.sees(principal, views.registration(item.group()))) {
                throw new ApiProblem(403, "NOT_AUTHORIZED", "group '" + item.group()
                        + "' is private to another tenant");
            }
        }
        final Decision decision = decidedOn -> {
            if (body.host() != null && decidedOn.isPresent() && !decidedOn.get().equals(body.host())) {
                throw new ApiProblem(409, "CLAIM_ID_CONFLICT", "claim id " + request.claimId() + " was already"
                        + " decided on host " + decidedOn.get() + "; a claim id names one claim, on one host")
                        .with("claim_id", request.claimId()).with("host", decidedOn.get());
            }
            return claims.claim(principal.requester(), request, body.host(), decidedOn);
        };
        if (body.host() == null && !claims.knows(request.claimId())
                && !placements.placesHere(ctx, request.claimId())) {
            placements.placeWhereHeld(ctx, request.claimId(), () -> decideWaiting(ctx, request.claimId(), decision));
            return;
        }
        decide(ctx, request.claimId(), decision);
    }

    private void confirm(final Context ctx, final Principal principal) throws Exception {
        final String claimId = ctx.pathParam("claim_id");
        decide(ctx, claimId, decidedOn -> claims.confirm(principal.requester(), claimId, known(claimId, decidedOn)));
    }

    private void release(final Context ctx, final Principal principal) throws Exception {
        final String claimId = ctx.pathParam("claim_id");
        final String reason = ctx.queryParam("reason");
        decide(ctx, claimId, decidedOn -> claims.release(principal.requester(), claimId, known(claimId, decidedOn),
                reason));
    }

    /** What to send once the host the claim id was decided on (if any) is known. */
    private interface Decision {
        CompletableFuture<ClaimAnswer> decide(Optional<String> decidedOn);
    }

    /**
     * Answers {@code ctx} with {@code decision}'s committed answer. Where the claim id was decided is looked up here
     * when this instance can tell at once (it sent the claim, or its own store holds the claim id's answer), else on
     * a waiting thread ({@link RoutedReads#decidedHost} may ask another instance or wait out a rebalance).
     */
    private void decide(final Context ctx, final String claimId, final Decision decision) throws Exception {
        final Optional<String> decidedOn;
        try {
            decidedOn = claims.placedHere(claimId).or(() -> routed.decidedHostHere(claimId));
        } catch (final StoreUnavailableException notHereNow) {
            waits.deferAsync(ctx, () -> decideWaiting(ctx, claimId, decision));
            return;
        }
        final CompletableFuture<Void> answer = answered(ctx, decision.decide(decidedOn));
        ctx.future(() -> answer);
    }

    /** As {@link #decide}, on a waiting thread: where the claim id was decided may be asked of another instance. */
    private CompletableFuture<Void> decideWaiting(final Context ctx, final String claimId, final Decision decision) {
        return answered(ctx, decision.decide(claims.placedHere(claimId).or(() -> decidedHost(ctx, claimId))));
    }

    private static String known(final String claimId, final Optional<String> decidedOn) {
        return decidedOn.orElseThrow(() -> ApiProblem.notFound("UNKNOWN_CLAIM", "no ledger has decided a claim "
                + claimId));
    }

    private Optional<String> decidedHost(final Context ctx, final String claimId) {
        try {
            return routed.decidedHost(ctx, claimId);
        } catch (final ApiProblem problem) {
            throw problem;
        } catch (final InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while looking up claim " + claimId, interrupted);
        } catch (final Exception failure) {
            throw new IllegalStateException("could not look up claim " + claimId + ": " + failure.getMessage(),
                    failure);
        }
    }

    /** Writes the committed answer into {@code ctx} once it comes. */
    private CompletableFuture<Void> answered(final Context ctx, final CompletableFuture<ClaimAnswer> answer) {
        return answer.handle((decided, failure) -> {
            if (failure != null) {
                final Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                if (cause instanceof ClaimTimeoutException late) {
                    throw new ApiProblem(504, "NO_COMMITTED_ANSWER", late.getMessage()).with("host", late.host());
                }
                throw cause instanceof RuntimeException unchecked ? unchecked : new CompletionException(cause);
            }
            ctx.header(Forwarder.SERVED_BY, String.valueOf(self.get()));
            write(ctx, decided);
            return null;
        });
    }

    private static void write(final Context ctx, final ClaimAnswer answer) {
        final CommandOutcome outcome = answer.outcome();
        if (outcome instanceof Granted granted) {
            ctx.status(201).json(new GrantBody(answer.claimId(), answer.host(), "granted",
                    granted.devices().stream().map(DeviceBody::of).toList(), granted.liveMigratable(),
                    granted.expiresAt(), granted.ledgerSeq(), answer.attempts()));
        } else if (outcome instanceof Confirmed confirmed) {
            ctx.json(new ChangeBody(answer.claimId(), answer.host(), "confirmed", null, confirmed.ledgerSeq()));
        } else if (outcome instanceof Released released) {
            ctx.json(new ChangeBody(answer.claimId(), answer.host(), released.expired() ? "expired" : "released",
                    released.addresses(), released.ledgerSeq()));
        } else if (outcome instanceof Rejected rejected) {
            final ApiProblem problem = new ApiProblem(RejectionStatus.of(rejected.reason()), rejected.reason().name(),
                    rejected.message()).with("claim_id", answer.claimId());
            if (answer.host() != null) {
                problem.with("host", answer.host());
            }
            if (!answer.attempts().isEmpty()) {
                problem.with("attempts", answer.attempts());
            }
            throw problem;
        }
    }
}
