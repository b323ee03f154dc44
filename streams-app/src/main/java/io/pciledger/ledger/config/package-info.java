/**
 * The ledger processor's configuration, in one place: {@link io.pciledger.ledger.config.LedgerConfig} declares
 * every key with its type, default and documentation and builds the Kafka Streams properties.
 */
package io.pciledger.ledger.config;
