package io.pciledger.schemas.topic;

import java.util.List;

/**
 * Existing topics that do not fit the contract: a partition count that breaks co-partitioning, an
 * audit log that would delete history, a derived table that is not compacted. Starting anyway would
 * mis-route or lose data, so every component refuses to start and says which topic and why.
 */
public final class TopicMismatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public TopicMismatchException(final List<String> problems) {
        super("existing topics do not fit PCI Ledger's contract:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
