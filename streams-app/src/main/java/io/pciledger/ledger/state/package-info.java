/**
 * What the ledger processor keeps in its stores: in {@code host-ledgers}, a host's ledger
 * ({@link io.pciledger.ledger.state.StoredHost}) with their serde
 * ({@link io.pciledger.ledger.state.StoredHostSerde}, versioned JSON); the keys of the audit stores
 * {@code host-events} ({@link io.pciledger.ledger.state.HostEventKey}) and {@code device-history}
 * ({@link io.pciledger.ledger.state.DeviceEventKey}), laid out to sort in RocksDB's byte order.
 */
package io.pciledger.ledger.state;
