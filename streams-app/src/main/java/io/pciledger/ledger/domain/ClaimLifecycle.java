package io.pciledger.ledger.domain;

import io.pciledger.ledger.domain.CommandOutcome.Confirmed;
import io.pciledger.ledger.domain.CommandOutcome.Rejected;
import io.pciledger.ledger.domain.CommandOutcome.Released;
import io.pciledger.ledger.domain.LedgerEvent.ClaimConfirmed;
import io.pciledger.ledger.domain.LedgerEvent.ClaimExpired;
import io.pciledger.ledger.domain.LedgerEvent.DeviceRemoved;
import io.pciledger.ledger.domain.LedgerEvent.DevicesReleased;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Decides what happens to a granted claim after the grant: confirm, release, expiry.
 *
 * <ul>
 *   <li><b>Confirm</b>: a live claim becomes confirmed and no longer expires ({@code ClaimConfirmed}).
 *       Confirming again answers the same; confirming an ended or refused claim is {@code CLAIM_NOT_LIVE}.</li>
 *   <li><b>Release</b>: a live or confirmed claim gives every device back ({@code DevicesReleased}), lost ones
 *       included. Releasing again answers the first release (or the expiry) again; releasing a refused claim
 *       is {@code CLAIM_NOT_LIVE}.</li>
 *   <li><b>Expiry</b>: every live claim whose time-to-live has run out is released by the ledger
 *       ({@code ClaimExpired}), oldest deadline first.</li>
 * </ul>
 *
 * <p>When a claim ends, each of its lost devices (gone from the host while claimed, not reported since) is
 * removed from the host right after ({@code DeviceRemoved}): nothing holds it any more, and the agent says it
 * is not there. If it comes back, the agent's report adds it as a new free device.
 *
 * <p>An unknown claim id is {@code UNKNOWN_CLAIM}; a requester who may not act for the claim's tenant is
 * {@code NOT_AUTHORIZED}. These refusals record nothing: they are not news about a claim.
 */
public final class ClaimLifecycle {

    private ClaimLifecycle() {
    }

    /** The decision on confirming {@code request.claimId()}. */
    public static CommandDecision confirm(final HostLedger ledger, final ConfirmRequest request,
            final Requester requester) {
        final Optional<Rejected> refusal = refusal(ledger, request.claimId(), requester, "confirm");
        if (refusal.isPresent()) {
            return CommandDecision.answerOnly(refusal.get());
        }
        final Claim claim = ledger.claim(request.claimId()).orElseThrow();
        return switch (claim.status()) {
            case LIVE -> new CommandDecision(new Confirmed(ledger.nextSeq()),
                    Decision.of(new ClaimConfirmed(claim.claimId())));
            case CONFIRMED -> CommandDecision.answerOnly(new Confirmed(claim.confirmedSeq()));
            case RELEASED, EXPIRED -> CommandDecision.answerOnly(new Rejected(RejectReason.CLAIM_NOT_LIVE,
                    "claim " + claim.claimId() + " on " + ledger.host() + " has " + endedVerb(claim)
                            + ": its devices are no longer its to keep"));
        };
    }

    /** The decision on releasing {@code request.claimId()}. */
    public static CommandDecision release(final HostLedger ledger, final ReleaseRequest request,
            final Requester requester) {
        final Optional<Rejected> refusal = refusal(ledger, request.claimId(), requester, "release");
        if (refusal.isPresent()) {
            return CommandDecision.answerOnly(refusal.get());
        }
        final Claim claim = ledger.claim(request.claimId()).orElseThrow();
        if (!claim.status().holdsDevices()) {
            return CommandDecision.answerOnly(
                    new Released(claim.addresses(), claim.status() == ClaimStatus.EXPIRED, claim.endedSeq()));
        }
        return new CommandDecision(new Released(claim.addresses(), false, ledger.nextSeq()),
                ended(ledger, claim, new DevicesReleased(claim.claimId(), claim.addresses(), request.reason())));
    }

    /** The decision to expire every live claim of the host whose time-to-live has run out at {@code now}. */
    public static Decision expire(final HostLedger ledger, final Instant now) {
        final List<Claim> due = ledger.liveClaims().stream()
                .filter(claim -> expires(claim) && !claim.expiresAt().isAfter(now))
                .sorted(Comparator.comparing(Claim::expiresAt).thenComparing(Claim::claimId))
                .toList();
        Decision decision = Decision.none();
        for (final Claim claim : due) {
            decision = decision.followedBy(
                    ended(ledger, claim, new ClaimExpired(claim.claimId(), claim.addresses())));
        }
        return decision;
    }

    /**
     * The earliest moment at which {@link #expire} would expire a claim of the host, or empty when no claim of it
     * can expire (none is live, or every live one is confirmed or has no time-to-live).
     */
    public static Optional<Instant> nextExpiry(final HostLedger ledger) {
        return ledger.liveClaims().stream().filter(ClaimLifecycle::expires).map(Claim::expiresAt)
                .min(Comparator.naturalOrder());
    }

    private static boolean expires(final Claim claim) {
        return claim.status() == ClaimStatus.LIVE && claim.expiresAt() != null;
    }

    private static Decision ended(final HostLedger ledger, final Claim claim, final LedgerEvent end) {
        Decision decision = Decision.of(end);
        for (final LedgerDevice device : ledger.heldBy(claim.claimId())) {
            if (device.status() == DeviceStatus.LOST) {
                decision = decision.followedBy(Decision.of(new DeviceRemoved(device.address(), device.group())));
            }
        }
        return decision;
    }

    /** Why {@code requester} may not {@code verb} claim {@code claimId}: it was never granted, or is not theirs. */
    private static Optional<Rejected> refusal(final HostLedger ledger, final String claimId,
            final Requester requester, final String verb) {
        final Optional<Claim> claim = ledger.claim(claimId);
        if (claim.isEmpty()) {
            return Optional.of(ledger.rejection(claimId)
                    .map(rejection -> new Rejected(RejectReason.CLAIM_NOT_LIVE, "claim " + claimId + " on "
                            + ledger.host() + " was refused (" + rejection.reason() + "): there is nothing to " + verb))
                    .orElseGet(() -> new Rejected(RejectReason.UNKNOWN_CLAIM, "host " + ledger.host()
                            + " has no claim " + claimId)));
        }
        if (!requester.mayActFor(claim.get().tenant())) {
            return Optional.of(new Rejected(RejectReason.NOT_AUTHORIZED, requester.actor() + " may not " + verb
                    + " claim " + claimId + " of tenant " + claim.get().tenant()));
        }
        return Optional.empty();
    }

    private static String endedVerb(final Claim claim) {
        return claim.status() == ClaimStatus.EXPIRED ? "expired" : "been released";
    }
}
