package io.pciledger.cli.audit;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.pciledger.cli.audit.FleetSnapshot.ClaimEntry;
import io.pciledger.cli.audit.FleetSnapshot.DeviceEntry;
import io.pciledger.cli.audit.FleetSnapshot.GroupEntry;
import io.pciledger.cli.audit.FleetSnapshot.HostEntry;
import io.pciledger.cli.audit.FleetSnapshot.PoolEntry;
import io.pciledger.cli.audit.LiveApi.DeviceListing;
import io.pciledger.cli.audit.LiveApi.HostListing;
import io.pciledger.cli.audit.LiveApi.HostStatus;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Holds the replayed fleet against the live one and lists every difference: per host its presence, ledger position,
 * stale flag, number of live claims, pools, devices (every member) and live claims (every member), its line in the
 * host list, and per group the cloud-wide counts. Plain Java: both sides are values already read.
 */
public final class FleetComparison {

    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE_CASE =
            new PropertyNamingStrategies.SnakeCaseStrategy();
    private static final GroupEntry NO_DEVICES = new GroupEntry(null, 0, 0, 0, 0, 0);

    private final List<Difference> differences = new ArrayList<>();

    private FleetComparison() {
    }

    /** Every difference between {@code replayed} and {@code live}, host by host, then group by group. */
    public static List<Difference> of(final FleetSnapshot replayed, final LiveFleet live) {
        final FleetComparison comparison = new FleetComparison();
        final SortedMap<String, HostEntry> replayedHosts = byKey(replayed.hosts(), HostEntry::host);
        final SortedMap<String, HostListing> listed = byKey(live.listed(), HostListing::host);
        final SortedSet<String> hosts = new TreeSet<>(replayedHosts.keySet());
        hosts.addAll(live.hosts().keySet());
        hosts.addAll(listed.keySet());
        for (final String host : hosts) {
            comparison.host(host, replayedHosts.get(host), live);
            comparison.listing(host, replayedHosts.get(host), listed.get(host));
        }
        comparison.groups(replayed.groups(), live.groups());
        return List.copyOf(comparison.differences);
    }

    private void host(final String host, final HostEntry replayed, final LiveFleet live) {
        final DeviceListing devices = live.devices().get(host);
        final HostStatus status = devices == null ? null : live.hosts().get(host);
        if (replayed == null || status == null) {
            if (replayed != null || status != null) {
                differ(host, "host", "present", presence(replayed), presence(status));
            }
            return;
        }
        compare(host, "host", "ledger_seq", replayed.ledgerSeq(), status.ledgerSeq());
        if (devices.ledgerSeq() != status.ledgerSeq()) {
            differ(host, "host", "ledger_seq of its devices", String.valueOf(replayed.ledgerSeq()),
                    String.valueOf(devices.ledgerSeq()));
        }
        compare(host, "host", "stale", replayed.stale(), status.stale());
        compare(host, "host", "stale_since", replayed.staleSince(), status.staleSince());
        compare(host, "host", "live_claims", replayed.claims().size(), status.liveClaims());
        entries(host, "pool", replayed.pools(), status.pools(),
                pool -> pool.group() + "/" + pool.devType() + "/numa " + pool.numaNode());
        entries(host, "device", replayed.devices(), devices.devices(), DeviceEntry::address);
        final Map<String, ClaimEntry> liveClaims = live.claims().getOrDefault(host, Map.of());
        entries(host, "claim", replayed.claims(), List.copyOf(liveClaims.values()), ClaimEntry::claimId);
    }

    private void listing(final String host, final HostEntry replayed, final HostListing listing) {
        if (replayed == null || listing == null) {
            if (replayed != null || listing != null) {
                differ(host, "listing", "present", presence(replayed), presence(listing));
            }
            return;
        }
        compare(host, "listing", "stale", replayed.stale(), listing.stale());
        final SortedMap<String, Integer> free = new TreeMap<>();
        replayed.pools().forEach(pool -> free.merge(pool.group(), pool.free(), Integer::sum));
        compare(host, "listing", "free", free, new TreeMap<>(listing.free()));
    }

    private void groups(final List<GroupEntry> replayed, final List<GroupEntry> live) {
        final SortedMap<String, GroupEntry> replayedGroups = byKey(replayed, GroupEntry::group);
        final SortedMap<String, GroupEntry> liveGroups = byKey(live, GroupEntry::group);
        final SortedSet<String> groups = new TreeSet<>(replayedGroups.keySet());
        groups.addAll(liveGroups.keySet());
        for (final String group : groups) {
            // A registered group without devices is listed live with zeros; the ledger never saw it.
            fields(null, "group " + group, withName(replayedGroups.getOrDefault(group, NO_DEVICES), group),
                    withName(liveGroups.getOrDefault(group, NO_DEVICES), group));
        }
    }

    private static GroupEntry withName(final GroupEntry entry, final String group) {
        return new GroupEntry(group, entry.total(), entry.available(), entry.claimed(), entry.unavailable(),
                entry.lost());
    }

    /** Entries of one kind on a host, matched by key: each missing on one side, each member that differs. */
    private <T extends Record> void entries(final String host, final String kind, final List<T> replayed,
            final List<T> live, final Function<T, String> key) {
        final SortedMap<String, T> replayedByKey = byKey(replayed, key);
        final SortedMap<String, T> liveByKey = byKey(live, key);
        final SortedSet<String> keys = new TreeSet<>(replayedByKey.keySet());
        keys.addAll(liveByKey.keySet());
        for (final String entry : keys) {
            final T mine = replayedByKey.get(entry);
            final T theirs = liveByKey.get(entry);
            if (mine == null || theirs == null) {
                differ(host, kind + " " + entry, "present", presence(mine), presence(theirs));
            } else {
                fields(host, kind + " " + entry, mine, theirs);
            }
        }
    }

    private void fields(final String host, final String subject, final Record replayed, final Record live) {
        for (final RecordComponent component : replayed.getClass().getRecordComponents()) {
            compare(host, subject, SNAKE_CASE.translate(component.getName()), value(component, replayed),
                    value(component, live));
        }
    }

    private static Object value(final RecordComponent component, final Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (final ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + component.getName() + " of " + record, e);
        }
    }

    private void compare(final String host, final String subject, final String field, final Object replayed,
            final Object live) {
        if (!Objects.equals(replayed, live)) {
            differ(host, subject, field, String.valueOf(replayed), String.valueOf(live));
        }
    }

    private void differ(final String host, final String subject, final String field, final String replayed,
            final String live) {
        differences.add(new Difference(host, subject, field, replayed, live));
    }

    private static String presence(final Object value) {
        return value == null ? "absent" : "present";
    }

    private static <T> SortedMap<String, T> byKey(final List<T> values, final Function<T, String> key) {
        final SortedMap<String, T> byKey = new TreeMap<>();
        values.forEach(value -> byKey.put(key.apply(value), value));
        return byKey;
    }
}
