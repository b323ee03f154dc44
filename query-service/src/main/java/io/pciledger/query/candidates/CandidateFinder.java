package io.pciledger.query.candidates;

import io.pciledger.ledger.domain.DevType;
import io.pciledger.ledger.domain.HostPools;
import io.pciledger.ledger.domain.NumaAffinity;
import io.pciledger.ledger.domain.Pool;
import io.pciledger.ledger.domain.RequestItem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
        final List<RequestItem> taking = taking(items);
        final Set<String> groups = groupsOf(taking);
        final Best best = new Best(limit, hosts.size());
        for (final HostPools host : hosts) {
            best.consider(host, taking, groups);
        }
        return best.candidates(taking);
    }

    /**
     * What {@link #find(List, Collection, int)} answers over every host of {@code fleet}, found by visiting only the
     * hosts listed under one requested group, most free first, and stopping as soon as no later host can rank among
     * the best {@code limit}. The group visited is the one with the most free devices on a host, so that the other
     * groups' most free devices on any host bound a later host's total tightly: a later host can have at most its
     * free devices of the visited group plus those. With one group, a request for the usual best 20 visits about
     * 20 hosts however large the fleet. The visit also stops at the first host with fewer free devices of the group
     * than the request takes from it. Requests that take no device visit every host.
     */
    public static List<Candidate> find(final List<RequestItem> items, final FleetPools fleet, final int limit) {
        final List<RequestItem> taking = taking(items);
        final Map<String, Integer> wanted = wantedByGroup(taking);
        if (wanted.isEmpty()) {
            return find(items, fleet.hosts(), limit);
        }
        String visited = null;
        int visitedMost = -1;
        int mostOfAll = 0;
        for (final String group : wanted.keySet()) {
            final int most = fleet.mostFree(group);
            if (most < wanted.get(group)) {
                return List.of();
            }
            mostOfAll += most;
            if (most > visitedMost) {
                visited = group;
                visitedMost = most;
            }
        }
        final int othersMost = mostOfAll - visitedMost;
        final int wantedOfVisited = wanted.get(visited);
        final Best best = new Best(limit, 64);
        for (final FleetPools.FreeHost listed : fleet.mostFreeFirst(visited)) {
            if (listed.free() < wantedOfVisited || best.outranksEveryHostFrom(listed, othersMost)) {
                break;
            }
            final HostPools host = fleet.host(listed.host());
            if (host != null) {
                best.consider(host, taking, wanted.keySet());
            }
        }
        return best.candidates(taking);
    }

    private static List<RequestItem> taking(final List<RequestItem> items) {
        return items.stream().filter(RequestItem::takesDevices).toList();
    }

    private static Set<String> groupsOf(final List<RequestItem> taking) {
        final Set<String> groups = new HashSet<>();
        taking.forEach(item -> groups.add(item.group()));
        return groups;
    }

    /**
     * The devices each requested group must have free on a host, at least; empty when some item takes no device
     * of a named group (no group, or a count below 1), which only a visit of every host answers as the full scan
     * does.
     */
    private static Map<String, Integer> wantedByGroup(final List<RequestItem> taking) {
        final Map<String, Integer> wanted = new HashMap<>();
        for (final RequestItem item : taking) {
            if (item.group() == null || item.count() < 1) {
                return Map.of();
            }
            wanted.merge(item.group(), item.count(), Integer::sum);
        }
        return wanted;
    }

    /** The best {@code limit} fitting hosts seen so far, each once, the worst of them on top. */
    private static final class Best {

        private final int limit;
        private final PriorityQueue<Scored> worstFirst;
        private final Set<String> held = new HashSet<>();

        Best(final int limit, final int expectedHosts) {
            this.limit = limit;
            this.worstFirst = new PriorityQueue<>(Math.min(limit, expectedHosts) + 1, SCORED_BEST_FIRST.reversed());
        }

        void consider(final HostPools host, final List<RequestItem> taking, final Set<String> groups) {
            if (host.stale() || held.contains(host.host())) {
                return;
            }
            final OptionalInt misfits = fit(taking, host);
            if (misfits.isEmpty()) {
                return;
            }
            worstFirst.add(new Scored(host, misfits.getAsInt(), freeIn(host, groups)));
            held.add(host.host());
            if (worstFirst.size() > limit) {
                held.remove(worstFirst.poll().host().host());
            }
        }

        /**
         * Whether every host listed after {@code listed} under the visited group ranks below the best held: they
         * have no more free devices of that group than {@code listed}, at most {@code othersMost} of the other
         * groups, and no NUMA misfit can make them rank higher than a perfect fit.
         */
        boolean outranksEveryHostFrom(final FleetPools.FreeHost listed, final int othersMost) {
            if (worstFirst.size() < limit || worstFirst.peek().misfits() > 0) {
                return false;
            }
            final Scored worst = worstFirst.peek();
            final int most = listed.free() + othersMost;
            return most < worst.freeTotal() || most == worst.freeTotal() && othersMost == 0
                    && listed.host().compareTo(worst.host().host()) > 0;
        }

        List<Candidate> candidates(final List<RequestItem> taking) {
            final List<Candidate> candidates = new ArrayList<>(worstFirst.size());
            for (final Scored scored : worstFirst) {
                candidates.add(candidate(scored.host(), taking, scored.misfits()));
            }
            candidates.sort(BEST_FIRST);
            return candidates;
        }
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
            final DevType requiredType = item.requiredDevType().orElse(null);
            int wanted = item.count();
            for (int rank = 0; rank <= 2 && wanted > 0; rank++) {
                for (int index = 0; index < free.length && wanted > 0; index++) {
                    final Pool pool = pools.get(index);
                    if (admits(item.group(), requiredType, pool) && wish.rank(pool.numaNode()).orElse(-1) == rank) {
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

    /** Whether {@code pool} holds devices of {@code group} and of {@code requiredType} (null: any type). */
    private static boolean admits(final String group, final DevType requiredType, final Pool pool) {
        return pool.group().equals(group) && (requiredType == null || requiredType == pool.devType());
    }

    private static Candidate candidate(final HostPools host, final List<RequestItem> items, final int misfits) {
        final SortedMap<String, Integer> freeByGroup = new TreeMap<>();
        for (final RequestItem item : items) {
            freeByGroup.put(item.group(), 0);
        }
        int total = 0;
        for (final Pool pool : host.pools()) {
            if (freeByGroup.containsKey(pool.group())) {
                freeByGroup.merge(pool.group(), pool.free(), Integer::sum);
                total += pool.free();
            }
        }
        return new Candidate(host.host(), misfits, freeByGroup, total);
    }
}
