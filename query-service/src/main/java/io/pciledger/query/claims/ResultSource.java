package io.pciledger.query.claims;

import io.pciledger.schemas.result.ClaimResult;
import java.util.concurrent.CompletableFuture;

/** Where {@link ClaimService} hears the ledger's committed results ({@link ClaimResultWatcher}). */
public interface ResultSource {

    /** The future committed result of the command {@code commandId}; ask before sending the command. */
    CompletableFuture<ClaimResult> expect(String commandId);

    /** Stops waiting for the result of {@code commandId}. */
    void forget(String commandId);
}
