/**
 * What the ledger processor keeps in its {@code host-ledgers} store: a host's ledger and when its agent was last
 * heard ({@link io.pciledger.ledger.state.StoredHost}), and their serde
 * ({@link io.pciledger.ledger.state.StoredHostSerde}, versioned JSON).
 */
package io.pciledger.ledger.state;
