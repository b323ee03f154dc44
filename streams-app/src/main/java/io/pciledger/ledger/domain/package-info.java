/**
 * The ledger's rules as plain Java: one host's devices and claims, and what the ledger decides about the facts
 * its agent reports and the commands its clients send. No Kafka, Kafka Streams or Avro types: the topology
 * loads a host's state, calls this package, and writes what it decided. Records here mirror the Avro records
 * of the same names, so that mapping is one to one.
 *
 * <p>Event-sourced: a host's {@link io.pciledger.ledger.domain.HostLedger} changes only by applying
 * {@link io.pciledger.ledger.domain.LedgerEvent}s, live and on replay, so replaying the ledger from the start
 * gives the live state, pools and counts (rule 7). Deciders only read the state and return a
 * {@link io.pciledger.ledger.domain.Decision} (the events to record) or a
 * {@link io.pciledger.ledger.domain.CommandDecision} (the events and the answer).
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link io.pciledger.ledger.domain.HostLedgerSession}: decide, append and apply in one call, for an
 *       inventory fact ({@code report}), a claim, confirm or release ({@code handle}), a liveness check
 *       ({@code checkLiveness}) and expiry ({@code expire});</li>
 *   <li>the deciders it uses: {@link io.pciledger.ledger.domain.InventoryRules},
 *       {@link io.pciledger.ledger.domain.ClaimDecider}, {@link io.pciledger.ledger.domain.ClaimLifecycle},
 *       {@link io.pciledger.ledger.domain.LivenessRule}; and the rules they use:
 *       {@link io.pciledger.ledger.domain.Allocator}, {@link io.pciledger.ledger.domain.NumaAffinity},
 *       {@link io.pciledger.ledger.domain.LiveMigrationRule}, {@link io.pciledger.ledger.domain.RequestValidator},
 *       {@link io.pciledger.ledger.domain.RequestHash}, {@link io.pciledger.ledger.domain.GroupDirectory};</li>
 *   <li>views computed from the state: {@link io.pciledger.ledger.domain.HostPools} (topic
 *       {@code pci.host-pools}) and {@link io.pciledger.ledger.domain.HostGroupCounts} (a host's share of topic
 *       {@code pci.group-counts}, and its change).</li>
 * </ul>
 */
package io.pciledger.ledger.domain;
