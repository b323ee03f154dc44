package io.pciledger.query;

import io.pciledger.query.ClaimTraffic.AnsweredClaim;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How long a claim waited for its answer after a moment of a fault test (a kill, a restart): from the moment, or from
 * when the claim was sent if that was later, to its answer (retries with the same claim id included, as a client
 * sees it). The longest over the claims on the hosts a fault touched is how long the fault kept their claims from
 * being decided: for a killed instance, the fail-over gap.
 *
 * @param claim    the claim
 * @param from     the moment, or when the claim was first sent if later
 */
record ClaimWait(AnsweredClaim claim, Instant from) {

    /** From {@link #from()} to the answer. */
    Duration length() {
        return Duration.between(from, claim.answeredAt());
    }

    /**
     * The longest wait after {@code moment} of a claim on one of {@code hosts}, among the claims answered after it and
     * sent before {@code until} (when the next phase of the test began); empty if there was none.
     */
    static Optional<ClaimWait> longest(final List<AnsweredClaim> claims, final Collection<String> hosts,
            final Instant moment, final Instant until) {
        return claims.stream()
                .filter(claim -> hosts.contains(claim.host()) && claim.answeredAt().isAfter(moment)
                        && claim.sentAt().isBefore(until))
                .map(claim -> new ClaimWait(claim, claim.sentAt().isAfter(moment) ? claim.sentAt() : moment))
                .max(Comparator.comparing(ClaimWait::length));
    }

    @Override
    public String toString() {
        return length().toMillis() + " ms (claim " + claim.claimId() + " on " + claim.host() + ", answered "
                + claim.status() + " at " + claim.answeredAt() + ")";
    }
}
