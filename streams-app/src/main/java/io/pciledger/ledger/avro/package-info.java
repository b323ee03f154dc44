/**
 * The Avro contract ({@code io.pciledger.schemas}) and the plain-Java domain ({@code io.pciledger.ledger.domain})
 * translated into each other, one class per topic family: {@link io.pciledger.ledger.avro.InventoryFacts}
 * ({@code pci.inventory}), {@link io.pciledger.ledger.avro.Commands} ({@code pci.commands}),
 * {@link io.pciledger.ledger.avro.LedgerEvents} ({@code pci.ledger}), {@link io.pciledger.ledger.avro.ClaimResults}
 * ({@code pci.claim-results}), {@link io.pciledger.ledger.avro.HostPoolRecords} ({@code pci.host-pools}),
 * {@link io.pciledger.ledger.avro.GroupCountRecords} ({@code pci.group-counts}),
 * {@link io.pciledger.ledger.avro.GroupRegistrations} ({@code pci.groups}), and the shared records and enums in
 * {@link io.pciledger.ledger.avro.CommonRecords}.
 *
 * <p>Enums map by symbol name; a symbol the domain lacks reads as {@code UNKNOWN}. Avro keeps instants to the
 * millisecond, which is the ledger's own precision (it decides by its wall clock in milliseconds).
 */
package io.pciledger.ledger.avro;
