package io.pciledger.ledger.state;

import io.pciledger.ledger.domain.Claim;
import io.pciledger.ledger.domain.RejectedClaim;
import java.util.Optional;

/**
 * What the {@code claim-archive} store keeps per (host, claim id): the claim as it ended, or the refusal. Exactly
 * one of the two is present.
 *
 * @param endedClaim the claim, released or expired, or null for a refusal
 * @param rejection  the refusal, or null for an ended claim
 */
public record ArchivedClaim(Claim endedClaim, RejectedClaim rejection) {

    /**
     * @throws IllegalArgumentException unless exactly one of the two is given
     */
    public ArchivedClaim {
        if ((endedClaim == null) == (rejection == null)) {
            throw new IllegalArgumentException("an archived claim is an ended claim or a refusal, exactly one: "
                    + endedClaim + ", " + rejection);
        }
    }

    public static ArchivedClaim ended(final Claim claim) {
        return new ArchivedClaim(claim, null);
    }

    public static ArchivedClaim refused(final RejectedClaim rejection) {
        return new ArchivedClaim(null, rejection);
    }

    public String claimId() {
        return endedClaim != null ? endedClaim.claimId() : rejection.claimId();
    }

    public Optional<Claim> ended() {
        return Optional.ofNullable(endedClaim);
    }

    public Optional<RejectedClaim> refused() {
        return Optional.ofNullable(rejection);
    }
}
