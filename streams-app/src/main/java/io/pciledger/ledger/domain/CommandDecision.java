package io.pciledger.ledger.domain;

import java.util.Objects;

/**
 * What the ledger decided about a command: the answer for the client, and the events to record (none when the
 * command changes nothing, e.g. a retry or a conflict).
 *
 * <p>The outcome's ledger sequence numbers assume the decision's events are appended next, in order, as
 * {@link HostLedger#append} does.
 */
public record CommandDecision(CommandOutcome outcome, Decision decision) {

    public CommandDecision {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(decision, "decision");
    }

    /** An answer that records nothing. */
    public static CommandDecision answerOnly(final CommandOutcome outcome) {
        return new CommandDecision(outcome, Decision.none());
    }
}
