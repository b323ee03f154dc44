/**
 * Audits of a ledger's history, independent of the ledger's own code where that is cheap: what must never happen
 * (a device granted twice, a gap in a host's sequence, a claim id granted twice), the replay of every host's ledger,
 * and whether the derived topics agree with it. Used by the crash and fault tests and by the benchmarks, which
 * check what they measured.
 *
 * <ul>
 *   <li>{@link io.pciledger.ledger.audit.LedgerAudit}: plain Java over ledger records;</li>
 *   <li>{@link io.pciledger.ledger.audit.CommittedLedger}: reads what a ledger has committed on a cluster into it.</li>
 * </ul>
 */
package io.pciledger.ledger.audit;
