package io.pciledger.query.claims;

import io.pciledger.ledger.avro.ClaimResults;
import io.pciledger.ledger.avro.Commands;
import io.pciledger.ledger.domain.ClaimRequest;
import io.pciledger.ledger.domain.Command;
import io.pciledger.ledger.domain.CommandOutcome;
import io.pciledger.ledger.domain.CommandOutcome.Rejected;
import io.pciledger.ledger.domain.ConfirmRequest;
import io.pciledger.ledger.domain.RejectReason;
import io.pciledger.ledger.domain.ReleaseRequest;
import io.pciledger.ledger.domain.Requester;
import io.pciledger.query.candidates.Candidate;
import io.pciledger.query.candidates.CandidateFinder;
import io.pciledger.query.candidates.FleetPools;
import io.pciledger.query.candidates.PlacementOrder;
import io.pciledger.schemas.result.ClaimResult;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Claims, confirms and releases, as the claim flow of DESIGN.md says: write the command keyed by host, and answer
 * with the ledger's committed result ({@link ClaimResultWatcher}), never with what a store shows.
 *
 * <p>A claim without a host is placed: the candidates from the committed host pools ({@link CandidateFinder}),
 * best first but spread by claim id among the equally good ({@link PlacementOrder}), are tried in turn while the
 * ledger refuses for lack of devices (a lost race, a host gone stale), at most {@code placementAttempts} hosts.
 * A claim id the ledger has already decided somewhere must go back to
 * that host, so that a retried claim is answered once and never allocated on a second host: the caller passes the
 * host the ledger knows ({@code decidedOn}), and this service remembers the hosts it placed claims on recently
 * (covering a retry whose first answer is not committed yet).
 */
public final class ClaimService {

    /** Refusals after which the next candidate host is worth trying. */
    private static final Set<RejectReason> TRY_NEXT_HOST = Set.of(RejectReason.INSUFFICIENT_DEVICES,
            RejectReason.HOST_STALE, RejectReason.UNKNOWN_GROUP, RejectReason.UNKNOWN_HOST);
    private static final int REMEMBERED_PLACEMENTS = 100_000;

    private final CommandSender sender;
    private final ClaimResultWatcher watcher;
    private final FleetPools fleetPools;
    private final Duration timeout;
    private final int placementAttempts;
    private final Clock clock;
    private final Map<String, String> placedHere = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(final Map.Entry<String, String> eldest) {
                    return size() > REMEMBERED_PLACEMENTS;
                }
            });

    public ClaimService(final CommandSender sender, final ClaimResultWatcher watcher,
            final FleetPools fleetPools, final Duration timeout,
            final int placementAttempts, final Clock clock) {
        this.sender = sender;
        this.watcher = watcher;
        this.fleetPools = fleetPools;
        this.timeout = timeout;
        this.placementAttempts = placementAttempts;
        this.clock = clock;
    }

    /**
     * Decides {@code request} on {@code host}, or, when {@code host} is null, on the host the claim id was decided
     * on before ({@code decidedOn}, else one this instance placed it on), or else on the best candidate that
     * accepts it.
     *
     * @throws ClaimTimeoutException when the committed answer did not come in time
     */
    public ClaimAnswer claim(final Requester requester, final ClaimRequest request, final String host,
            final Optional<String> decidedOn) throws InterruptedException {
        if (host != null) {
            placedHere.put(request.claimId(), host);
            return new ClaimAnswer(request.claimId(), host, decide(requester, request, host), List.of());
        }
        final Optional<String> before = decidedOn.or(() -> Optional.ofNullable(placedHere.get(request.claimId())));
        if (before.isPresent()) {
            return new ClaimAnswer(request.claimId(), before.get(), decide(requester, request, before.get()),
                    List.of());
        }
        final List<Candidate> candidates = PlacementOrder.forClaim(request.claimId(),
                CandidateFinder.find(request.items(), fleetPools, placementAttempts));
        if (candidates.isEmpty()) {
            return new ClaimAnswer(request.claimId(), null, new Rejected(RejectReason.INSUFFICIENT_DEVICES,
                    "no host that is not stale has the free devices this claim asks for"), List.of());
        }
        final List<PlacementAttempt> refusals = new ArrayList<>();
        for (final Candidate candidate : candidates) {
            placedHere.put(request.claimId(), candidate.host());
            final CommandOutcome outcome = decide(requester, request, candidate.host());
            if (!(outcome instanceof Rejected rejected) || !TRY_NEXT_HOST.contains(rejected.reason())
                    || refusals.size() + 1 == candidates.size()) {
                return new ClaimAnswer(request.claimId(), candidate.host(), outcome, refusals);
            }
            refusals.add(new PlacementAttempt(candidate.host(), rejected.reason(), rejected.message()));
        }
        throw new IllegalStateException("unreachable: the last candidate's answer is returned");
    }

    /** Confirms the claim decided on {@code host}, so it does not expire. */
    public ClaimAnswer confirm(final Requester requester, final String claimId, final String host)
            throws InterruptedException {
        return new ClaimAnswer(claimId, host, decide(requester, new ConfirmRequest(claimId), host), List.of());
    }

    /** Releases the devices of the claim decided on {@code host}. */
    public ClaimAnswer release(final Requester requester, final String claimId, final String host,
            final String reason) throws InterruptedException {
        return new ClaimAnswer(claimId, host, decide(requester, new ReleaseRequest(claimId, reason), host), List.of());
    }

    /**
     * The host this instance sent {@code claimId} to recently, if it did: its answer is known here before the
     * ledger's {@code claim-results} table shows it (read your own claims).
     */
    public Optional<String> placedHere(final String claimId) {
        return Optional.ofNullable(placedHere.get(claimId));
    }

    private CommandOutcome decide(final Requester requester, final Command command, final String host)
            throws InterruptedException {
        final String commandId = UUID.randomUUID().toString();
        final CompletableFuture<ClaimResult> answer = watcher.expect(commandId);
        final long deadline = System.nanoTime() + timeout.toNanos();
        try {
            sender.send(Commands.toAvro(commandId, host, clock.instant(), requester, command))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return ClaimResults.toDomain(answer.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
        } catch (final TimeoutException late) {
            throw new ClaimTimeoutException(command.claimId(), host, timeout);
        } catch (final ExecutionException failed) {
            throw new IllegalStateException("could not send the command for claim " + command.claimId() + ": "
                    + failed.getCause().getMessage(), failed.getCause());
        } finally {
            watcher.forget(commandId);
        }
    }
}
