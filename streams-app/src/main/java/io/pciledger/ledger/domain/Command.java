package io.pciledger.ledger.domain;

/**
 * A request to the ledger of one host about one claim: grant it ({@link ClaimRequest}), confirm it
 * ({@link ConfirmRequest}) or give its devices back ({@link ReleaseRequest}).
 */
public sealed interface Command permits ClaimRequest, ConfirmRequest, ReleaseRequest {

    /** The client-chosen id of the claim the command is about. */
    String claimId();
}
