package io.pciledger.ledger.domain;

/**
 * The instance booted and keeps its devices: the claim stops counting down its time-to-live.
 *
 * @param claimId the claim to confirm
 */
public record ConfirmRequest(String claimId) implements Command {
}
