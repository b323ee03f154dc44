package io.pciledger.ledger.topology;

import io.pciledger.ledger.domain.Claim;
import io.pciledger.ledger.domain.ClaimArchive;
import io.pciledger.ledger.domain.RejectedClaim;
import io.pciledger.ledger.state.ArchivedClaim;
import io.pciledger.ledger.state.ClaimKey;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * One host's {@link ClaimArchive} over the {@code claim-archive} store: reads a claim id only when the ledger asks
 * for it, and writes what the ledger archives straight to the store, so in the transaction of the events that ended
 * or refused the claim. Made afresh for every record the processor handles; it remembers what it read meanwhile,
 * so that the decider's look-up and the ledger's "already decided?" check cost one store read.
 */
final class StoredClaimArchive implements ClaimArchive {

    private final KeyValueStore<ClaimKey, ArchivedClaim> store;
    private final String host;
    private final Map<String, Optional<ArchivedClaim>> read = new HashMap<>();

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
        return read.computeIfAbsent(claimId, id -> Optional.ofNullable(store.get(new ClaimKey(host, id))));
    }

    private void put(final ArchivedClaim archived) {
        store.put(new ClaimKey(host, archived.claimId()), archived);
        read.put(archived.claimId(), Optional.of(archived));
    }
}
