package io.pciledger.ledger.domain;

import io.pciledger.ledger.domain.CommandOutcome.Granted;
import io.pciledger.ledger.domain.CommandOutcome.Rejected;
import io.pciledger.ledger.domain.LedgerEvent.ClaimRejected;
import io.pciledger.ledger.domain.LedgerEvent.DevicesClaimed;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides a claim on one host: grant every item or none, never a device twice, and the same answer to the
 * same claim id every time.
 *
 * <p>The checks, in order; the first that fails decides:
 * <ol>
 *   <li>the claim id was decided before: the same request ({@link RequestHash}) gets the stored answer again
 *       (a grant, even if the claim has ended since, or a refusal) and nothing is recorded; another request is
 *       refused {@code CLAIM_ID_CONFLICT}, recorded nowhere (it is not news about the claim);</li>
 *   <li>no claim id, or a host with no history: refused ({@code INVALID_REQUEST}, {@code UNKNOWN_HOST})
 *       without recording, since there is no key to remember it by, or no host to remember it on;</li>
 *   <li>{@code INVALID_REQUEST} ({@link RequestValidator}), {@code NON_MIGRATABLE_MIX}
 *       ({@link LiveMigrationRule}), {@code NOT_AUTHORIZED} ({@link GroupDirectory}), {@code HOST_STALE},
 *       {@code UNKNOWN_GROUP} (a group the host has never had), {@code INSUFFICIENT_DEVICES}
 *       ({@link Allocator}): refused and recorded as {@code ClaimRejected}, so a retry gets the same answer.</li>
 * </ol>
 * Otherwise the claim is granted and recorded as {@code DevicesClaimed}, expiring at {@code now + ttl} when the
 * request has a time-to-live.
 */
public final class ClaimDecider {

    private ClaimDecider() {
    }

    /** The decision on {@code request}, asked by {@code requester}, on the host of {@code ledger}, at {@code now}. */
    public static CommandDecision decide(final HostLedger ledger, final ClaimRequest request,
            final Requester requester, final GroupDirectory groups, final Instant now) {
        final String hash = request.hash();
        if (request.claimId() == null || request.claimId().isBlank()) {
            return CommandDecision.answerOnly(new Rejected(RejectReason.INVALID_REQUEST,
                    RequestValidator.problems(request).orElse("claim_id is empty")));
        }
        final Optional<CommandOutcome> earlier = earlierAnswer(ledger, request.claimId(), hash);
        if (earlier.isPresent()) {
            return CommandDecision.answerOnly(earlier.get());
        }
        if (!ledger.hasHistory()) {
            return CommandDecision.answerOnly(new Rejected(RejectReason.UNKNOWN_HOST, "the ledger knows no host "
                    + ledger.host() + ": its agent has never reported a device"));
        }
        final Optional<Rejected> refusal = refusal(ledger, request, requester, groups);
        if (refusal.isPresent()) {
            return recordedRefusal(request, hash, refusal.get());
        }
        final Allocation allocation = Allocator.allocate(ledger, request.items());
        if (allocation instanceof Allocation.Shortfall shortfall) {
            return recordedRefusal(request, hash, new Rejected(RejectReason.INSUFFICIENT_DEVICES, shortfall.message()));
        }
        final List<ClaimedDevice> devices = ((Allocation.Allocated) allocation).devices();
        final boolean liveMigratable = LiveMigrationRule.isLiveMigratable(request.items());
        final Instant expiresAt = request.ttl() == null ? null : now.plus(request.ttl());
        return new CommandDecision(
                new Granted(devices, liveMigratable, ledger.nextSeq(), expiresAt),
                Decision.of(new DevicesClaimed(request.claimId(), request.tenant(), request.instance(), hash, devices,
                        liveMigratable, expiresAt)));
    }

    private static Optional<CommandOutcome> earlierAnswer(final HostLedger ledger, final String claimId,
            final String hash) {
        final Optional<Claim> claim = ledger.claim(claimId);
        if (claim.isPresent()) {
            return Optional.of(claim.get().requestHash().equals(hash)
                    ? new Granted(claim.get().devices(), claim.get().liveMigratable(), claim.get().claimedSeq(),
                            claim.get().expiresAt())
                    : conflict(ledger, claimId));
        }
        return ledger.rejection(claimId).map(rejection -> rejection.requestHash().equals(hash)
                ? new Rejected(rejection.reason(), rejection.message())
                : conflict(ledger, claimId));
    }

    private static Rejected conflict(final HostLedger ledger, final String claimId) {
        return new Rejected(RejectReason.CLAIM_ID_CONFLICT, "claim id " + claimId + " was already used on "
                + ledger.host() + " for another request; choose a new claim id");
    }

    private static Optional<Rejected> refusal(final HostLedger ledger, final ClaimRequest request,
            final Requester requester, final GroupDirectory groups) {
        final Optional<String> invalid = RequestValidator.problems(request);
        if (invalid.isPresent()) {
            return Optional.of(new Rejected(RejectReason.INVALID_REQUEST, invalid.get()));
        }
        final Optional<String> mix = LiveMigrationRule.mixProblem(request);
        if (mix.isPresent()) {
            return Optional.of(new Rejected(RejectReason.NON_MIGRATABLE_MIX, mix.get()));
        }
        final Optional<String> unauthorized = unauthorized(request, requester, groups);
        if (unauthorized.isPresent()) {
            return Optional.of(new Rejected(RejectReason.NOT_AUTHORIZED, unauthorized.get()));
        }
        if (ledger.isStale()) {
            return Optional.of(new Rejected(RejectReason.HOST_STALE, "host " + ledger.host() + " is stale (marked at "
                    + ledger.staleSince().orElseThrow() + "): its agent has been silent, so it takes no new claims "
                    + "until it reports again"));
        }
        final Set<String> unknownGroups = new TreeSet<>();
        for (final String group : request.requestedGroups()) {
            if (!ledger.hasSeenGroup(group)) {
                unknownGroups.add(group);
            }
        }
        if (!unknownGroups.isEmpty()) {
            return Optional.of(new Rejected(RejectReason.UNKNOWN_GROUP, "host " + ledger.host()
                    + " has never had a device of group " + String.join(", ", unknownGroups)));
        }
        return Optional.empty();
    }

    private static Optional<String> unauthorized(final ClaimRequest request, final Requester requester,
            final GroupDirectory groups) {
        if (!requester.mayActFor(request.tenant())) {
            return Optional.of(requester.role().name().toLowerCase(Locale.ROOT) + " " + requester.actor()
                    + " may not claim devices for tenant " + request.tenant());
        }
        final Set<String> closed = new TreeSet<>();
        for (final String group : request.requestedGroups()) {
            if (!groups.mayClaim(requester, request.tenant(), group)) {
                closed.add(group);
            }
        }
        return closed.isEmpty()
                ? Optional.empty()
                : Optional.of("tenant " + request.tenant() + " may not claim group " + String.join(", ", closed)
                        + ": private to another tenant");
    }

    private static CommandDecision recordedRefusal(final ClaimRequest request, final String hash,
            final Rejected rejected) {
        return new CommandDecision(rejected, Decision.of(new ClaimRejected(request.claimId(), request.tenant(),
                request.instance(), hash, rejected.reason(), rejected.message())));
    }
}
