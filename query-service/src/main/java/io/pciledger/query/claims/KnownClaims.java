package io.pciledger.query.claims;

import java.util.Optional;

/** Where a claim id was decided, from the ledger's committed results (so confirm, release and retries find it). */
@FunctionalInterface
public interface KnownClaims {

    Optional<String> hostOf(String claimId);
}
