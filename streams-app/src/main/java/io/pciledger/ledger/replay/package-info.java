/**
 * The audit replay: the fleet's state as of any instant, or one device's history, rebuilt from topic
 * {@code pci.ledger} alone (DESIGN.md, "Reads": "state of the whole fleet as of a past instant, by replaying the
 * ledger up to it").
 *
 * <ul>
 *   <li>{@link io.pciledger.ledger.replay.FleetFold}: plain Java, no Kafka types; applies ledger records to each
 *       host's {@link io.pciledger.ledger.domain.HostLedger} (the domain's own fold) up to a
 *       {@link io.pciledger.ledger.replay.ReplayCut}, and gives a {@link io.pciledger.ledger.replay.FleetState}
 *       (ledgers, pools, group counts) or, through {@link io.pciledger.ledger.replay.DeviceHistory}, one device's
 *       events;</li>
 *   <li>{@link io.pciledger.ledger.replay.LedgerReplay}: the thin Kafka adapter that reads the topic's committed
 *       records into a fold and reports {@link io.pciledger.ledger.replay.ReplayProgress}.</li>
 * </ul>
 *
 * <p>Used by {@code pci-ledger replay}, {@code pci-ledger verify} and {@code pci-ledger bench replay}.
 */
package io.pciledger.ledger.replay;
