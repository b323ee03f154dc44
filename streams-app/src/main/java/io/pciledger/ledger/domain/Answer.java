package io.pciledger.ledger.domain;

import java.util.List;
import java.util.Objects;

/**
 * A command as handled: the answer for the client (topic {@code pci.claim-results}) and the ledger records it
 * appended (topic {@code pci.ledger}), already applied to the host's ledger.
 */
public record Answer(CommandOutcome outcome, List<LedgerRecord> records) {

    public Answer {
        Objects.requireNonNull(outcome, "outcome");
        records = List.copyOf(records);
    }
}
