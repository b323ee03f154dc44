package io.pciledger.ledger.replay;

import io.pciledger.ledger.domain.GroupCount;
import io.pciledger.ledger.domain.HostGroupCounts;
import io.pciledger.ledger.domain.HostLedger;
import io.pciledger.ledger.domain.HostPools;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The fleet as a replay rebuilt it: every host's ledger (devices with status and holder, live claims, stale flag,
 * position), and what follows from them as the ledger computes it live: each host's pools ({@link HostPools#of})
 * and the cloud-wide group counts (the sum of {@link HostGroupCounts#of}).
 *
 * <p>The ledgers are the fold's own: read them, do not apply more records to them.
 */
public final class FleetState {

    private final SortedMap<String, HostLedger> ledgers;
    private final List<ReplayProblem> problems;
    private final long eventsApplied;

    FleetState(final SortedMap<String, HostLedger> ledgers, final List<ReplayProblem> problems,
            final long eventsApplied) {
        this.ledgers = Collections.unmodifiableSortedMap(new TreeMap<>(ledgers));
        this.problems = List.copyOf(problems);
        this.eventsApplied = eventsApplied;
    }

    /** Every host that had at least one event, by name. */
    public SortedMap<String, HostLedger> ledgers() {
        return ledgers;
    }

    /** The ledger of {@code host}, if it had any event. */
    public Optional<HostLedger> ledger(final String host) {
        return Optional.ofNullable(ledgers.get(host));
    }

    /** Each host's pools, by host. */
    public SortedMap<String, HostPools> pools() {
        final SortedMap<String, HostPools> pools = new TreeMap<>();
        ledgers.forEach((host, ledger) -> pools.put(host, HostPools.of(ledger)));
        return pools;
    }

    /** The cloud-wide count of every group that has devices, as topic {@code pci.group-counts} sums it. */
    public SortedMap<String, GroupCount> groupCounts() {
        return HostGroupCounts.sum(ledgers.values().stream().map(HostGroupCounts::of).toList());
    }

    /** The records that could not be replayed, each ending its host's replay; empty when the ledger is sound. */
    public List<ReplayProblem> problems() {
        return problems;
    }

    /** How many ledger events were applied. */
    public long eventsApplied() {
        return eventsApplied;
    }
}
