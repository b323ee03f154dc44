package io.pciledger.ledger.state;

import io.pciledger.ledger.domain.Claim;
import io.pciledger.ledger.domain.InMemoryClaimArchive;
import io.pciledger.ledger.domain.RejectedClaim;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Test helper: what a {@code claim-archive} store holds for one host, as an in-memory archive to compare. */
public final class ArchiveContents {

    private ArchiveContents() {
    }

    public static InMemoryClaimArchive of(final ReadOnlyKeyValueStore<ClaimKey, ArchivedClaim> store,
            final String host) {
        final List<Claim> ended = new ArrayList<>();
        final List<RejectedClaim> refused = new ArrayList<>();
        try (KeyValueIterator<ClaimKey, ArchivedClaim> all = store.all()) {
            all.forEachRemaining(entry -> {
                if (entry.key.host().equals(host)) {
                    if (!entry.key.claimId().equals(entry.value.claimId())) {
                        throw new AssertionError("archived under " + entry.key + ": " + entry.value);
                    }
                    entry.value.ended().ifPresent(ended::add);
                    entry.value.refused().ifPresent(refused::add);
                }
            });
        }
        return InMemoryClaimArchive.of(ended, refused);
    }
}
