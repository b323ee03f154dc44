/**
 * The Kafka Streams topology of the ledger: {@link io.pciledger.ledger.topology.LedgerTopology} builds it,
 * {@link io.pciledger.ledger.topology.LedgerStreams} runs it from a
 * {@link io.pciledger.ledger.config.LedgerConfig}; {@code LedgerProcessor} is the per-host ledger (load, decide
 * with the domain, write), {@code AuditTrail} writes its records to the audit stores,
 * {@code GroupRegistrationUpdater} keeps the global store of group registrations, and
 * {@link io.pciledger.ledger.topology.LedgerTimers} says when the ledger acts on its own (expiry, staleness).
 */
package io.pciledger.ledger.topology;
