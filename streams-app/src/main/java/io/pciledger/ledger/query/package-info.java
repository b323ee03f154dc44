/**
 * Interactive queries over the ledger's stores, for the query service, in plain domain values:
 * {@link io.pciledger.ledger.query.LedgerRouting} says which instance holds a host, claim or group
 * ({@link io.pciledger.ledger.query.KeyOwners}); {@link io.pciledger.ledger.query.LocalLedgerReads} reads this
 * instance's stores (a {@link io.pciledger.ledger.query.HostView}, pages of a host's ledger, a device's history, a
 * claim's standing answer, group counts). A store that cannot be read now is a
 * {@link io.pciledger.ledger.query.StoreUnavailableException}: retry shortly.
 */
package io.pciledger.ledger.query;
