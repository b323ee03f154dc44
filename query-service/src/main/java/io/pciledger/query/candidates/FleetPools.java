package io.pciledger.query.candidates;

import io.pciledger.ledger.domain.HostPools;
import io.pciledger.ledger.domain.Pool;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * The pools of every host of the fleet, as last committed, and for each PCI group the hosts that have free devices
 * of it, most free first. It is kept up to date one host at a time as {@code pci.host-pools} records arrive, so a
 * scheduler question about a group visits the hosts of that group in the order it ranks them, and can stop early
 * ({@link CandidateFinder#find(java.util.List, FleetPools, int)}), instead of scanning the whole fleet.
 *
 * <p>A stale host is held but not listed under any group: it is never a candidate. Nor is a host under a group of
 * which it has no free device.
 *
 * <p>One thread at a time changes it ({@link #put}, {@link #remove}); any number read it meanwhile. A reader may
 * see a host that is being changed under its old free count, under its new one, or (briefly) under neither.
 */
public final class FleetPools {

    /** Most free first, then by host name: the order in which candidates of one group rank. */
    private static final Comparator<FreeHost> MOST_FREE_FIRST = Comparator.comparingInt(FreeHost::free).reversed()
            .thenComparing(FreeHost::host);

    private final Map<String, HostPools> byHost = new ConcurrentHashMap<>();
    private final Map<String, NavigableSet<FreeHost>> byGroup = new ConcurrentHashMap<>();

    /**
     * A host listed under a group, with its free devices of that group.
     *
     * @param host the host
     * @param free its free devices of the group, over every device type and NUMA node, at least 1
     */
    public record FreeHost(String host, int free) {
    }

    /** Holds {@code pools} as {@code pools.host()}'s pools now, in place of what it held for that host. */
    public synchronized void put(final HostPools pools) {
        final HostPools before = byHost.put(pools.host(), pools);
        relist(pools.host(), freeOf(before), freeOf(pools));
    }

    /** Forgets {@code host}. */
    public synchronized void remove(final String host) {
        relist(host, freeOf(byHost.remove(host)), Map.of());
    }

    /** Every host's pools: a live, unmodifiable view. */
    public Collection<HostPools> hosts() {
        return Collections.unmodifiableCollection(byHost.values());
    }

    /** The pools of {@code host}, or null when it is not held. */
    public HostPools host(final String host) {
        return byHost.get(host);
    }

    /** The hosts with free devices of {@code group}, most free first, then by host name; a live view. */
    public Iterable<FreeHost> mostFreeFirst(final String group) {
        final NavigableSet<FreeHost> hosts = byGroup.get(group);
        return hosts == null ? Collections.emptySet() : Collections.unmodifiableSet(hosts);
    }

    /** The most free devices of {@code group} that any host has; 0 when none has any. */
    public int mostFree(final String group) {
        final Iterator<FreeHost> first = mostFreeFirst(group).iterator();
        return first.hasNext() ? first.next().free() : 0;
    }

    /** The free devices per group that list a host: none for a stale host, only groups with a free device. */
    private static Map<String, Integer> freeOf(final HostPools pools) {
        if (pools == null || pools.stale()) {
            return Map.of();
        }
        final Map<String, Integer> free = new HashMap<>();
        for (final Pool pool : pools.pools()) {
            if (pool.free() > 0) {
                free.merge(pool.group(), pool.free(), Integer::sum);
            }
        }
        return free;
    }

    private void relist(final String host, final Map<String, Integer> before, final Map<String, Integer> now) {
        final Set<String> groups = new HashSet<>(before.keySet());
        groups.addAll(now.keySet());
        for (final String group : groups) {
            final Integer was = before.get(group);
            final Integer is = now.get(group);
            if (was != null && was.equals(is)) {
                continue;
            }
            // Removed before added: a reader may miss the host for a moment; one that is scanning the group may
            // meet it again at its new place (CandidateFinder keeps a host once).
            if (was != null) {
                byGroup.get(group).remove(new FreeHost(host, was));
            }
            if (is != null) {
                byGroup.computeIfAbsent(group, newGroup -> new ConcurrentSkipListSet<>(MOST_FREE_FIRST))
                        .add(new FreeHost(host, is));
            }
        }
    }
}
