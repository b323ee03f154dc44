package io.pciledger.ledger.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A {@link ClaimArchive} in memory: what a ledger replayed from its records, or built in a test, keeps its ended
 * claims and refusals in. Two are equal when they hold the same claims and refusals, so a replayed ledger can be
 * compared whole, archive included.
 */
public final class InMemoryClaimArchive implements ClaimArchive {

    // Hash maps: a replay looks claim ids up for every claim event, and ids share long prefixes (host names).
    private final Map<String, Claim> endedClaims = new HashMap<>();
    private final Map<String, RejectedClaim> rejections = new HashMap<>();

    /** An archive holding these ended claims and refusals, e.g. as a store kept them. */
    public static InMemoryClaimArchive of(final Collection<Claim> endedClaims,
            final Collection<RejectedClaim> rejections) {
        final InMemoryClaimArchive archive = new InMemoryClaimArchive();
        endedClaims.forEach(archive::add);
        rejections.forEach(archive::add);
        return archive;
    }

    @Override
    public Optional<Claim> endedClaim(final String claimId) {
        return Optional.ofNullable(endedClaims.get(claimId));
    }

    @Override
    public Optional<RejectedClaim> rejection(final String claimId) {
        return Optional.ofNullable(rejections.get(claimId));
    }

    @Override
    public void add(final Claim endedClaim) {
        if (endedClaim.status().holdsDevices()) {
            throw new IllegalArgumentException("claim " + endedClaim.claimId() + " is " + endedClaim.status()
                    + ": only an ended claim is archived");
        }
        endedClaims.put(endedClaim.claimId(), endedClaim);
    }

    @Override
    public void add(final RejectedClaim rejection) {
        rejections.put(rejection.claimId(), rejection);
    }

    /** Every ended claim, by claim id. */
    public Collection<Claim> endedClaims() {
        return Collections.unmodifiableCollection(new TreeMap<>(endedClaims).values());
    }

    /** Every refusal, by claim id. */
    public Collection<RejectedClaim> rejections() {
        return Collections.unmodifiableCollection(new TreeMap<>(rejections).values());
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof InMemoryClaimArchive that
                && endedClaims.equals(that.endedClaims)
                && rejections.equals(that.rejections);
    }

    @Override
    public int hashCode() {
        return 31 * endedClaims.hashCode() + rejections.hashCode();
    }

    @Override
    public String toString() {
        return "InMemoryClaimArchive[" + endedClaims.size() + " ended claims, " + rejections.size() + " rejections]";
    }
}
