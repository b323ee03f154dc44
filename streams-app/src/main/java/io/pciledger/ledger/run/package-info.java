/**
 * Running the ledger in a process: {@link io.pciledger.ledger.run.LedgerRunner} starts a ledger instance, waits
 * until it runs, reports its state and failure, and closes it leaving the consumer group. Used by
 * {@code pci-ledger ledger} and by anything that embeds the ledger.
 */
package io.pciledger.ledger.run;
