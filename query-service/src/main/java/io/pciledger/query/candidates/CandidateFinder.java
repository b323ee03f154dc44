package io.pciledger.query.candidates;

import io.pciledger.ledger.domain.HostPools;
import io.pciledger.ledger.domain.NumaAffinity;
import io.pciledger.ledger.domain.Pool;
import io.pciledger.ledger.domain.RequestItem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which hosts can satisfy a claim's items, best first, from the hosts' pools (free devices per group, device type
 * and NUMA node). This is the scheduler's pre-filter, as Nova's PCI passthrough filter is: the ledger decides the
 * claim, with the exact rules, against the host's devices.
 *
 * <p>A host qualifies when it is not stale and every item fits in its free pools at once: each item takes
 * {@code count} devices of its group (of the device type its vnic type takes, if any) from the pools its NUMA wish
 * admits, best-fitting pools first; {@code normal} ports take nothing. The pools do not say which VFs share a PF,
 * so a request for a PF and VFs of the same group may pass here and be refused by the ledger; that is the
 * bounded retry's job.
 *
 * <p>Order: fewest devices off the wished NUMA node, then most free devices of the requested groups (spreading
 * claims lowers the chance that concurrent claims race for the same host), then host name.
 */
public final class CandidateFinder {

    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingInt(Candidate::numaMisfits)
            .thenComparing(Comparator.comparingInt(Candidate::freeTotal).reversed())
            .thenComparing(Candidate::host);

    private CandidateFinder() {
    }

    /**
     * The hosts of {@code hosts} that can satisfy {@code items}, best first, at most {@code limit} of them. Only the
     * best {@code limit} are kept while scanning (a bounded heap), and only they get their free counts per group
     * built: over 10,000 hosts, sorting every fitting host was most of the cost.
     */
    public static List<Candidate> find(final List<RequestItem> items, final Collection<HostPools> hosts,
            final int limit) {
        final List<RequestItem> taking = items.stream().filter(RequestItem::takesDevices).toList();
        final Set<String> groups = new HashSet<>();
        taking.forEach(item -> groups.add(item.group()));
        final PriorityQueue<Scored> best = new PriorityQueue<>(Math.min(limit, hosts.size()) + 1,
                SCORED_BEST_FIRST.reversed());
        for (final HostPools host : hosts) {
            if (host.stale()) {
                continue;
            }
            final OptionalInt misfits = fit(taking, host);
            if (misfits.isPresent()) {
                best.add(new Scored(host, misfits.getAsInt(), freeIn(host, groups)));
                if (best.size() > limit) {
                    best.poll();
                }
            }
        }
        final List<Candidate> candidates = new ArrayList<>(best.size());
        for (final Scored scored : best) {
            candidates.add(candidate(scored.host(), taking, scored.misfits()));
        }
        candidates.sort(BEST_FIRST);
        return candidates;
    }

    /** A fitting host before its free counts per group are built. */
    private record Scored(HostPools host, int misfits, int freeTotal) {
    }

    private static final Comparator<Scored> SCORED_BEST_FIRST = Comparator.comparingInt(Scored::misfits)
            .thenComparing(Comparator.comparingInt(Scored::freeTotal).reversed())
            .thenComparing(scored -> scored.host().host());

    private static int freeIn(final HostPools host, final Set<String> groups) {
        int free = 0;
        for (final Pool pool : host.pools()) {
            if (groups.contains(pool.group())) {
                free += pool.free();
            }
        }
        return free;
    }

    /** How many devices would be off their wished NUMA node, or empty when the items do not fit. */
    static OptionalInt fit(final List<RequestItem> items, final HostPools host) {
        final List<Pool> pools = host.pools();
        final int[] free = new int[pools.size()];
        for (int index = 0; index < free.length; index++) {
            free[index] = pools.get(index).free();
        }
        int misfits = 0;
        for (final RequestItem item : items) {
            final NumaAffinity wish = NumaAffinity.of(item);
            int wanted = item.count();
            for (int rank = 0; rank <= 2 && wanted > 0; rank++) {
                for (int index = 0; index < free.length && wanted > 0; index++) {
                    final Pool pool = pools.get(index);
                    if (admits(item, pool) && wish.rank(pool.numaNode()).orElse(-1) == rank) {
                        final int taken = Math.min(wanted, free[index]);
                        free[index] -= taken;
                        wanted -= taken;
                        misfits += rank == 0 ? 0 : taken;
                    }
                }
            }
            if (wanted > 0) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.of(misfits);
    }

    private static boolean admits(final RequestItem item, final Pool pool) {
        return pool.group().equals(item.group())
                && item.requiredDevType().map(type -> type == pool.devType()).orElse(true);
    }

    private static Candidate candidate(final HostPools host, final List<RequestItem> items, final int misfits) {
        final SortedMap<String, Integer> freeByGroup = new TreeMap<>();
        final SortedMap<String, Integer> all = host.freeByGroup();
        int total = 0;
        for (final RequestItem item : items) {
            if (!freeByGroup.containsKey(item.group())) {
                final int free = all.getOrDefault(item.group(), 0);
                freeByGroup.put(item.group(), free);
                total += free;
            }
        }
        return new Candidate(host.host(), misfits, freeByGroup, total);
    }
}
