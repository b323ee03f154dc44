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
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Claims, confirms and releases, as the claim flow of DESIGN.md says: write the command keyed by host, and answer
 * with the ledger's committed result ({@link ClaimResultWatcher}), never with what a store shows.
 *
 * <p>A claim without a host is placed: the candidates from the committed host pools ({@link CandidateFinder}),
 * best first but spread by claim id among the equally good ({@link PlacementOrder}), are tried in turn while the
 * ledger refuses for lack of devices (a lost race, a host gone stale), at most {@code placementAttempts} hosts.
 * This instance's pools trail the ledger by the time it takes to read {@code pci.host-pools}, so when there is no
 * candidate, or every one tried refused, the pools are first read up to what the ledger has committed (a release
 * just answered, say) and the claim is placed once more, on candidates not tried yet. Only then is the answer "no
 * host": the ledger had nothing for it when the claim came.
 * A claim id the ledger has already decided somewhere must go back to
 * that host, so that a retried claim is answered once and never allocated on a second host: the caller passes the
 * host the ledger knows ({@code decidedOn}), and this service remembers the hosts it placed claims on recently
 * (covering a retry whose first answer is not committed yet). A retry of a claim this instance is still placing
 * gets that placement's answer. So that this holds across instances, the HTTP layer sends a claim without a host
 * to the one instance holding the claim id's standing answer ({@code http.RoutedPlacements}), unless this instance
 * {@linkplain #knows knows} the claim id already.
 *
 * <p>No thread waits for the ledger's decision: each answer is a future, completed on {@code answering} when the
 * committed result arrives (only sending can block, up to the producer's {@code max.block.ms}, when its buffer is
 * full).
 */
public final class ClaimService {

    /** Refusals after which the next candidate host is worth trying. */
    private static final Set<RejectReason> TRY_NEXT_HOST = Set.of(RejectReason.INSUFFICIENT_DEVICES,
            RejectReason.HOST_STALE, RejectReason.UNKNOWN_GROUP, RejectReason.UNKNOWN_HOST);
    private static final int REMEMBERED_PLACEMENTS = 100_000;
    private static final Logger LOG = LoggerFactory.getLogger(ClaimService.class);

    private final CommandSink sender;
    private final ResultSource watcher;
    private final FleetPools fleetPools;
    private final Supplier<CompletableFuture<Void>> poolsReadToNow;
    private final Duration timeout;
    private final int placementAttempts;
    private final Clock clock;
    private final Executor answering;
    private final CommandTimer timer;
    private final Map<String, Placing> inPlacement = new ConcurrentHashMap<>();
    private final Map<String, String> placedHere = Collections.synchronizedMap(
            new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(final Map.Entry<String, String> eldest) {
                    return size() > REMEMBERED_PLACEMENTS;
                }
            });

    /**
     * @param fleetPools     the host pools placement picks from, as this instance has read them
     * @param poolsReadToNow completes once {@code fleetPools} holds what a read-committed reader could see at the call
     *                       ({@link io.pciledger.query.kafka.TopicFollower#readToNow}); bounded here by
     *                       {@code timeout}
     */
    public ClaimService(final CommandSink sender, final ResultSource watcher,
            final FleetPools fleetPools, final Supplier<CompletableFuture<Void>> poolsReadToNow,
            final Duration timeout, final int placementAttempts, final Clock clock, final Executor answering,
            final CommandTimer timer) {
        this.sender = sender;
        this.watcher = watcher;
        this.fleetPools = fleetPools;
        this.poolsReadToNow = poolsReadToNow;
        this.timeout = timeout;
        this.placementAttempts = placementAttempts;
        this.clock = clock;
        this.answering = answering;
        this.timer = timer;
    }

    /**
     * Decides {@code request} on {@code host}, or, when {@code host} is null, on the host the claim id was decided
     * on before ({@code decidedOn}, else one this instance placed it on), or else on the best candidate that
     * accepts it. The answer fails with {@link ClaimTimeoutException} when the committed answer did not come in
     * time.
     */
    public CompletableFuture<ClaimAnswer> claim(final Requester requester, final ClaimRequest request,
            final String host, final Optional<String> decidedOn) {
        if (host != null) {
            placedHere.put(request.claimId(), host);
            return answer(request.claimId(), host, decide(requester, request, host));
        }
        final Placing placing = inPlacement.get(request.claimId());
        if (placing != null && placing.request().equals(request)) {
            return placing.answer();
        }
        final Optional<String> before = decidedOn.or(() -> Optional.ofNullable(placedHere.get(request.claimId())));
        if (before.isPresent()) {
            return answer(request.claimId(), before.get(), decide(requester, request, before.get()));
        }
        return place(requester, request);
    }

    /**
     * Places the claim on a candidate. A retry of the same request while this runs gets this placement's answer:
     * sent to the host tried last, it would get that host's refusal while the placement goes on elsewhere.
     */
    private CompletableFuture<ClaimAnswer> place(final Requester requester, final ClaimRequest request) {
        final Placing mine = new Placing(request, new CompletableFuture<>());
        final Placing earlier = inPlacement.putIfAbsent(request.claimId(), mine);
        if (earlier != null) {
            return earlier.request().equals(request) ? earlier.answer()
                    : CompletableFuture.completedFuture(new ClaimAnswer(request.claimId(), null,
                            new Rejected(RejectReason.CLAIM_ID_CONFLICT, "claim id " + request.claimId()
                                    + " is being placed for another request"), List.of()));
        }
        final List<Candidate> candidates = candidates(request, Set.of());
        final CompletableFuture<ClaimAnswer> placed = candidates.isEmpty()
                ? placeOnCurrentPools(requester, request, new ArrayList<>(), noHost(request))
                : tryInTurn(requester, request, candidates, 0, new ArrayList<>(), true);
        placed.whenComplete((answer, failure) -> {
            inPlacement.remove(request.claimId(), mine);
            if (failure == null) {
                mine.answer().complete(answer);
            } else {
                mine.answer().completeExceptionally(failure);
            }
        });
        return mine.answer();
    }

    /** A claim this instance is placing, and its answer to come. */
    private record Placing(ClaimRequest request, CompletableFuture<ClaimAnswer> answer) {
    }

    /** The best candidates for {@code request} but {@code tried}, in the order to try them. */
    private List<Candidate> candidates(final ClaimRequest request, final Set<String> tried) {
        return PlacementOrder.forClaim(request.claimId(),
                CandidateFinder.find(request.items(), fleetPools, placementAttempts + tried.size()).stream()
                        .filter(candidate -> !tried.contains(candidate.host()))
                        .limit(placementAttempts)
                        .toList());
    }

    /**
     * Tries the candidates from {@code next} on while the ledger refuses for reasons another host may not have;
     * when the last refuses so, places the claim once more on current pools if {@code mayReadToNow}.
     */
    private CompletableFuture<ClaimAnswer> tryInTurn(final Requester requester, final ClaimRequest request,
            final List<Candidate> candidates, final int next, final List<PlacementAttempt> refusals,
            final boolean mayReadToNow) {
        final String host = candidates.get(next).host();
        placedHere.put(request.claimId(), host);
        return decide(requester, request, host).thenCompose(outcome -> {
            final ClaimAnswer answer = new ClaimAnswer(request.claimId(), host, outcome, List.copyOf(refusals));
            final boolean last = next + 1 == candidates.size();
            if (!(outcome instanceof Rejected rejected) || !TRY_NEXT_HOST.contains(rejected.reason())
                    || last && !mayReadToNow) {
                return CompletableFuture.completedFuture(answer);
            }
            refusals.add(new PlacementAttempt(host, rejected.reason(), rejected.message()));
            return last ? placeOnCurrentPools(requester, request, refusals, answer)
                    : tryInTurn(requester, request, candidates, next + 1, refusals, mayReadToNow);
        });
    }

    /**
     * Reads the host pools up to now, then places the claim on the candidates not tried yet; {@code otherwise}
     * when there are none or the pools cannot be read in time. A host that refused is not tried again: it would
     * answer the claim id with the refusal it stored.
     */
    private CompletableFuture<ClaimAnswer> placeOnCurrentPools(final Requester requester,
            final ClaimRequest request, final List<PlacementAttempt> refusals, final ClaimAnswer otherwise) {
        return poolsReadToNow.get()
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handleAsync((read, failure) -> {
                    if (failure != null) {
                        LOG.warn("Claim {} is answered from host pools not read up to now: {}", request.claimId(),
                                failure.toString());
                    }
                    return failure == null;
                }, answering)
                .thenCompose(current -> {
                    if (!current) {
                        return CompletableFuture.completedFuture(otherwise);
                    }
                    final Set<String> tried = new HashSet<>();
                    refusals.forEach(refusal -> tried.add(refusal.host()));
                    final List<Candidate> fresh = candidates(request, tried);
                    if (fresh.isEmpty()) {
                        return CompletableFuture.completedFuture(otherwise);
                    }
                    return tryInTurn(requester, request, fresh, 0, refusals, false);
                });
    }

    private static ClaimAnswer noHost(final ClaimRequest request) {
        return new ClaimAnswer(request.claimId(), null, new Rejected(RejectReason.INSUFFICIENT_DEVICES,
                "no host that is not stale has the free devices this claim asks for"), List.of());
    }

    /** Confirms the claim decided on {@code host}, so it does not expire. */
    public CompletableFuture<ClaimAnswer> confirm(final Requester requester, final String claimId,
            final String host) {
        return answer(claimId, host, decide(requester, new ConfirmRequest(claimId), host));
    }

    /** Releases the devices of the claim decided on {@code host}. */
    public CompletableFuture<ClaimAnswer> release(final Requester requester, final String claimId, final String host,
            final String reason) {
        return answer(claimId, host, decide(requester, new ReleaseRequest(claimId, reason), host));
    }

    /**
     * Whether this instance is placing {@code claimId} or sent it to a host recently: a claim without a host for it is
     * then best decided here, where that placement or host is known.
     */
    public boolean knows(final String claimId) {
        return inPlacement.containsKey(claimId) || placedHere.containsKey(claimId);
    }

    /** How long a claim, confirm or release waits for its committed answer before it fails with a timeout. */
    public Duration answerTimeout() {
        return timeout;
    }

    /**
     * The host this instance sent {@code claimId} to recently, if it did: its answer is known here before the
     * ledger's {@code claim-results} table shows it (read your own claims).
     */
    public Optional<String> placedHere(final String claimId) {
        return Optional.ofNullable(placedHere.get(claimId));
    }

    private static CompletableFuture<ClaimAnswer> answer(final String claimId, final String host,
            final CompletableFuture<CommandOutcome> outcome) {
        return outcome.thenApply(decided -> new ClaimAnswer(claimId, host, decided, List.of()));
    }

    /**
     * Sends {@code command} and completes with its committed outcome, on {@code answering} (never on the Kafka
     * clients' threads, which every other waiting command needs).
     */
    private CompletableFuture<CommandOutcome> decide(final Requester requester, final Command command,
            final String host) {
        final String commandId = UUID.randomUUID().toString();
        final CompletableFuture<ClaimResult> answer = watcher.expect(commandId);
        final CompletableFuture<Long> acknowledged = new CompletableFuture<>();
        final long sentAt = System.nanoTime();
        try {
            sender.send(Commands.toAvro(commandId, host, clock.instant(), requester, command),
                    (metadata, failure) -> {
                        if (failure == null) {
                            final long acknowledgedAt = System.nanoTime();
                            timer.record(CommandTimer.ACKNOWLEDGED, acknowledgedAt - sentAt);
                            acknowledged.complete(acknowledgedAt);
                        } else {
                            acknowledged.completeExceptionally(unsent(command, failure));
                        }
                    });
        } catch (final RuntimeException failure) {
            acknowledged.completeExceptionally(unsent(command, failure));
        }
        return acknowledged.thenCompose(acknowledgedAt -> answer.thenApply(result -> {
                    timer.record(CommandTimer.COMMITTED, System.nanoTime() - acknowledgedAt);
                    return result;
                }))
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handleAsync((result, failure) -> {
                    watcher.forget(commandId);
                    if (failure == null) {
                        return ClaimResults.toDomain(result);
                    }
                    final Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
                    if (cause instanceof TimeoutException) {
                        throw new ClaimTimeoutException(command.claimId(), host, timeout);
                    }
                    throw cause instanceof RuntimeException unchecked ? unchecked : new CompletionException(cause);
                }, answering);
    }

    private static IllegalStateException unsent(final Command command, final Exception failure) {
        return new IllegalStateException("could not send the command for claim " + command.claimId() + ": "
                + failure.getMessage(), failure);
    }
}
