package io.pciledger.ledger.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A host's pools (topic {@code pci.host-pools}): per group, device type and NUMA node, how many devices it has
 * and how many are free, and whether it is stale. Computed from the ledger, never stored on its own, so it is a
 * fold of the ledger too.
 *
 * @param host  the host
 * @param stale whether the host is marked stale (then no pool has a free device)
 * @param pools by group, device type, then NUMA node (devices without NUMA information first)
 */
public record HostPools(String host, boolean stale, List<Pool> pools) {

    private static final Comparator<PoolKey> ORDER = Comparator.comparing(PoolKey::group)
            .thenComparing(PoolKey::devType)
            .thenComparing(PoolKey::numaNode, Comparator.nullsFirst(Comparator.naturalOrder()));

    public HostPools {
        pools = List.copyOf(pools);
    }

    /** The pools of the host of {@code ledger} as it stands. */
    public static HostPools of(final HostLedger ledger) {
        return of(ledger, Availability.of(ledger));
    }

    /** The pools of the host of {@code ledger}, whose devices stand as {@code standing} says. */
    public static HostPools of(final HostLedger ledger, final Map<String, Availability> standing) {
        final SortedMap<PoolKey, int[]> counts = new TreeMap<>(ORDER);
        for (final LedgerDevice entry : ledger.devices()) {
            final Device device = entry.device();
            final int[] totalAndFree = counts.computeIfAbsent(
                    new PoolKey(device.group(), device.devType(), device.numaNode()), key -> new int[2]);
            totalAndFree[0]++;
            if (standing.get(device.address()) == Availability.AVAILABLE) {
                totalAndFree[1]++;
            }
        }
        final List<Pool> pools = new ArrayList<>(counts.size());
        for (final Map.Entry<PoolKey, int[]> pool : counts.entrySet()) {
            final PoolKey key = pool.getKey();
            pools.add(new Pool(key.group(), key.devType(), key.numaNode(), pool.getValue()[0], pool.getValue()[1]));
        }
        return new HostPools(ledger.host(), ledger.isStale(), pools);
    }

    /** Free devices per group over all device types and NUMA nodes: Nova's "group: count" stats. */
    public SortedMap<String, Integer> freeByGroup() {
        final SortedMap<String, Integer> free = new TreeMap<>();
        pools.forEach(pool -> free.merge(pool.group(), pool.free(), Integer::sum));
        return free;
    }

    /** The pool of {@code group}, {@code devType} and {@code numaNode}, if the host has such devices. */
    public Optional<Pool> pool(final String group, final DevType devType, final Integer numaNode) {
        return pools.stream()
                .filter(pool -> pool.group().equals(group) && pool.devType() == devType
                        && Objects.equals(pool.numaNode(), numaNode))
                .findFirst();
    }

    private record PoolKey(String group, DevType devType, Integer numaNode) {
    }
}
