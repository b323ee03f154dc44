package io.pciledger.query.claims;

import io.pciledger.ledger.domain.RejectReason;

/**
 * A host a claim without a host was tried on and refused by, before the answer was found.
 *
 * @param host    the host tried
 * @param reason  why its ledger refused
 * @param message the ledger's words
 */
public record PlacementAttempt(String host, RejectReason reason, String message) {
}
