/**
 * What the ledger processor keeps in its stores: a host's live ledger as a header in {@code host-ledgers}
 * ({@link io.pciledger.ledger.state.HostHeader}) and a row per device in {@code host-devices}
 * ({@link io.pciledger.ledger.state.DeviceKey}), read together by {@link io.pciledger.ledger.state.StoredHosts}; ended
 * claims and refusals in {@code claim-archive} ({@link io.pciledger.ledger.state.ClaimKey}); their serdes (versioned
 * JSON); the keys of the audit stores {@code host-events} ({@link io.pciledger.ledger.state.HostEventKey}) and
 * {@code device-history} ({@link io.pciledger.ledger.state.DeviceEventKey}), laid out to sort in RocksDB's byte order.
 */
package io.pciledger.ledger.state;
