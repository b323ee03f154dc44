package io.pciledger.ledger.domain;

/**
 * A claim the host refused, kept so that a retry of the same claim id gets the same refusal.
 *
 * @param claimId     the client's idempotency key
 * @param tenant      the tenant that asked
 * @param instance    the instance it asked for
 * @param requestHash the {@link RequestHash} of the refused request
 * @param reason      the code
 * @param message     the explanation given
 */
public record RejectedClaim(
        String claimId,
        String tenant,
        String instance,
        String requestHash,
        RejectReason reason,
        String message) {
}
