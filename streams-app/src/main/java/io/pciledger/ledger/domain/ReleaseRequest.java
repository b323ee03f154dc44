package io.pciledger.ledger.domain;

/**
 * Give a claim's devices back to the host.
 *
 * @param claimId the claim to release
 * @param reason  why, for the audit log (e.g. {@code instance deleted}), or null
 */
public record ReleaseRequest(String claimId, String reason) implements Command {
}
