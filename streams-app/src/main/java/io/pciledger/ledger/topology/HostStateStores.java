package io.pciledger.ledger.topology;

import io.pciledger.ledger.domain.AffectedDevices;
import io.pciledger.ledger.domain.HostGroupCounts;
import io.pciledger.ledger.domain.HostLedger;
import io.pciledger.ledger.domain.LedgerDevice;
import io.pciledger.ledger.domain.LedgerRecord;
import io.pciledger.ledger.state.ArchivedClaim;
import io.pciledger.ledger.state.ClaimKey;
import io.pciledger.ledger.state.DeviceKey;
import io.pciledger.ledger.state.HostHeader;
import io.pciledger.ledger.state.StoredHosts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The ledger processor's hosts: their live ledgers in the stores {@code host-ledgers} (a {@link HostHeader} per host)
 * and {@code host-devices} (a row per device), over their archives in {@code claim-archive}
 * ({@link StoredClaimArchive}). A decision writes back the header and only the devices its records touched
 * ({@link AffectedDevices}), so a fact about one device of a host with hundreds costs one device row, not the list.
 *
 * <p>It also keeps the ledgers of the hosts it last used in memory (at most {@code cachedHosts}, least recently used
 * out first), with their group counts, so that a busy host is not read back from its rows, decoded and counted again
 * for every record. The memory mirrors the stores, written through on every save: only this task's processor writes
 * them, and Kafka Streams re-initialises the processor (and so makes a new one of these) whenever it restores or
 * wipes them, e.g. after an aborted transaction. A ledger a decision failed half-way on must be
 * {@linkplain #forget forgotten}.
 */
final class HostStateStores {

    private final KeyValueStore<String, HostHeader> headers;
    private final KeyValueStore<DeviceKey, LedgerDevice> devices;
    private final KeyValueStore<ClaimKey, ArchivedClaim> archive;
    private final Map<String, LoadedHost> recent;

    HostStateStores(final KeyValueStore<String, HostHeader> headers,
            final KeyValueStore<DeviceKey, LedgerDevice> devices,
            final KeyValueStore<ClaimKey, ArchivedClaim> archive,
            final int cachedHosts) {
        this.headers = headers;
        this.devices = devices;
        this.archive = archive;
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(final Map.Entry<String, LoadedHost> eldest) {
                return size() > cachedHosts;
            }
        };
    }

    /**
     * The live ledger of {@code host}, a new one if nothing is stored for it, with its group counts as stored. The
     * caller may append to the ledger, and must then {@link #save} it or {@link #forget} the host.
     */
    LoadedHost load(final String host) {
        return recent.computeIfAbsent(host, this::read);
    }

    /**
     * Like {@link #load}, but a host that is not in memory is read from the stores without being kept there: a
     * sweep over every host must not fill the memory with idle hosts. {@link #save} keeps it like any other.
     */
    LoadedHost peek(final String host) {
        final LoadedHost kept = recent.get(host);
        return kept != null ? kept : read(host);
    }

    private LoadedHost read(final String host) {
        final StoredClaimArchive claims = new StoredClaimArchive(archive, host);
        final HostLedger ledger = StoredHosts.read(headers, devices, host, claims)
                .orElseGet(() -> HostLedger.empty(host, claims));
        return new LoadedHost(ledger, HostGroupCounts.of(ledger));
    }

    /**
     * Stores {@code ledger} after it appended {@code records} (none: nothing changed, nothing is written): its header
     * and every device the records touched, and {@code counts}, its group counts now, in memory.
     */
    void save(final HostLedger ledger, final List<LedgerRecord> records, final HostGroupCounts counts) {
        if (records.isEmpty()) {
            return;
        }
        final SortedSet<String> touched = new TreeSet<>();
        records.forEach(record -> touched.addAll(AffectedDevices.of(record.event(), ledger)));
        for (final String address : touched) {
            final DeviceKey key = new DeviceKey(ledger.host(), address);
            final Optional<LedgerDevice> device = ledger.device(address);
            if (device.isPresent()) {
                devices.put(key, device.get());
            } else {
                devices.delete(key);
            }
        }
        headers.put(ledger.host(), HostHeader.of(ledger));
        recent.put(ledger.host(), new LoadedHost(ledger, counts));
    }

    /** Drops the in-memory ledger of {@code host}: the next load reads the stores. */
    void forget(final String host) {
        recent.remove(host);
    }

    /**
     * The next at most {@code limit} hosts stored here (those of this task's partition) after {@code after}, in the
     * store's order; from the first when {@code after} is empty.
     */
    List<String> hostsAfter(final Optional<String> after, final int limit) {
        final List<String> hosts = new ArrayList<>(limit);
        final String skipped = after.orElse(null);
        try (KeyValueIterator<String, HostHeader> scan = after.isPresent()
                ? headers.range(after.get(), null) : headers.all()) {
            while (scan.hasNext() && hosts.size() < limit) {
                final String host = scan.next().key;
                if (!host.equals(skipped)) {
                    hosts.add(host);
                }
            }
        }
        return hosts;
    }

    /** A host's ledger and its group counts, as stored. */
    record LoadedHost(HostLedger ledger, HostGroupCounts counts) {
    }
}
