package io.pciledger.ledger.topology;

import io.pciledger.ledger.domain.Claim;
import io.pciledger.ledger.domain.ClaimArchive;
import io.pciledger.ledger.domain.RejectedClaim;
import io.pciledger.ledger.state.ArchivedClaim;
import io.pciledger.ledger.state.ClaimKey;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One host's {@link ClaimArchive} over the {@code claim-archive} store: reads a claim id only when the ledger asks
 * for it, and writes what the ledger archives straight to the store, so in the transaction of the events that ended
 * or refused the claim. It keeps nothing itself: the store's record cache makes a second read of the same claim id
 * cheap.
 */
final class StoredClaimArchive implements ClaimArchive {

    private final KeyValueStore<ClaimKey, ArchivedClaim> store;
    private final String host;

    StoredClaimArchive(final KeyValueStore<ClaimKey, ArchivedClaim> store, final String host) {
        this.store = store;
        this.host = host;
    }

    @Override
    public Optional<Claim> endedClaim(final String claimId) {
        return archived(claimId).flatMap(ArchivedClaim::ended);
    }

    @Override
    public Optional<RejectedClaim> rejection(final String claimId) {
        return archived(claimId).flatMap(ArchivedClaim::refused);
    }

    @Override
    public void add(final Claim endedClaim) {
        put(ArchivedClaim.ended(endedClaim));
    }

    @Override
    public void add(final RejectedClaim rejection) {
        put(ArchivedClaim.refused(rejection));
    }

    private Optional<ArchivedClaim> archived(final String claimId) {
        return Optional.ofNullable(store.get(new ClaimKey(host, claimId)));
    }

    private void put(final ArchivedClaim archived) {
        store.put(new ClaimKey(host, archived.claimId()), archived);
    }
}
