package io.pciledger.ledger.replay;

/**
 * A record of the ledger topic that could not be replayed: undecodable, or an event that does not fit its host's
 * ledger (out of sequence, or contradicting the state). Its host's replay stops before it, so the state shown for
 * that host is the one just before the problem.
 *
 * @param host   the host whose ledger stops here (the record's key when it could not be decoded)
 * @param where  where the record is, e.g. {@code pci.ledger-3@1207}
 * @param reason what is wrong with it
 */
public record ReplayProblem(String host, String where, String reason) {
}
