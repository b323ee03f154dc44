package io.pciledger.ledger.domain;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One host's contribution to the cloud-wide counts of each PCI group: the cloud's {@code GroupCounts} is the
 * sum of every host's contribution. A processor keeps the sums by publishing, after each decision, the
 * {@link #changeSince(HostGroupCounts) change} of the host's contribution.
 *
 * <pre>{@code
 * HostGroupCounts before = HostGroupCounts.of(session.ledger());
 * session.report(fact, cause);
 * Map<String, GroupCount> delta = HostGroupCounts.of(session.ledger()).changeSince(before);
 * }</pre>
 *
 * @param host    the host
 * @param byGroup the host's count of each group it holds devices of
 */
public record HostGroupCounts(String host, SortedMap<String, GroupCount> byGroup) {

    public HostGroupCounts {
        byGroup = Collections.unmodifiableSortedMap(new TreeMap<>(byGroup));
    }

    /** The contribution of the host of {@code ledger} as it stands. */
    public static HostGroupCounts of(final HostLedger ledger) {
        return of(ledger, Availability.of(ledger));
    }

    /** The contribution of the host of {@code ledger}, whose devices stand as {@code standing} says. */
    public static HostGroupCounts of(final HostLedger ledger, final Map<String, Availability> standing) {
        final SortedMap<String, GroupCount> byGroup = new TreeMap<>();
        for (final LedgerDevice device : ledger.devices()) {
            byGroup.merge(device.group(), GroupCount.one(standing.get(device.address())), GroupCount::plus);
        }
        return new HostGroupCounts(ledger.host(), byGroup);
    }

    /** The count of {@code group} on this host; zero if it has none. */
    public GroupCount of(final String group) {
        return byGroup.getOrDefault(group, GroupCount.ZERO);
    }

    /**
     * What to add to each group's cloud-wide count to go from {@code before} to this contribution; groups
     * whose count did not change are left out.
     */
    public SortedMap<String, GroupCount> changeSince(final HostGroupCounts before) {
        final SortedMap<String, GroupCount> change = new TreeMap<>();
        final TreeSet<String> groups = new TreeSet<>(byGroup.keySet());
        groups.addAll(before.byGroup.keySet());
        for (final String group : groups) {
            final GroupCount delta = of(group).minus(before.of(group));
            if (!delta.isZero()) {
                change.put(group, delta);
            }
        }
        return change;
    }

    /** The sum of several hosts' contributions per group, as the cloud-wide table holds it. */
    public static SortedMap<String, GroupCount> sum(final Iterable<HostGroupCounts> hosts) {
        final SortedMap<String, GroupCount> total = new TreeMap<>();
        for (final HostGroupCounts host : hosts) {
            for (final Map.Entry<String, GroupCount> group : host.byGroup.entrySet()) {
                total.merge(group.getKey(), group.getValue(), GroupCount::plus);
            }
        }
        return total;
    }
}
