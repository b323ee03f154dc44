/**
 * The ledger processor's configuration, in one place: {@link io.pciledger.ledger.config.LedgerConfig} declares
 * every key with its type, default and documentation and builds the Kafka Streams properties;
 * {@link io.pciledger.ledger.config.BoundedRocksDbMemory} keeps every RocksDB store of the process within one
 * {@link io.pciledger.ledger.config.RocksDbMemoryBudget}.
 */
package io.pciledger.ledger.config;
