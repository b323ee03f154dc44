package io.pciledger.ledger.query;

import io.pciledger.ledger.avro.ClaimResults;
import io.pciledger.ledger.avro.GroupCountRecords;
import io.pciledger.ledger.avro.LedgerEvents;
import io.pciledger.ledger.domain.ClaimResult;
import io.pciledger.ledger.domain.GroupCount;
import io.pciledger.ledger.domain.Claim;
import io.pciledger.ledger.domain.HostLedger;
import io.pciledger.ledger.domain.LedgerDevice;
import io.pciledger.ledger.domain.InMemoryClaimArchive;
import io.pciledger.ledger.domain.LedgerRecord;
import io.pciledger.ledger.state.ArchivedClaim;
import io.pciledger.ledger.state.ClaimKey;
import io.pciledger.ledger.state.DeviceEventKey;
import io.pciledger.ledger.state.HostEventKey;
import io.pciledger.ledger.state.DeviceKey;
import io.pciledger.ledger.state.HostHeader;
import io.pciledger.ledger.state.StoredHosts;
import io.pciledger.ledger.topology.LedgerTopology;
import io.pciledger.schemas.derived.GroupCounts;
import io.pciledger.schemas.ledger.LedgerEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.UnknownStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads of the ledger's stores on this instance, as plain domain values: what the query service answers for the
 * hosts and claims this instance holds. Find the instance that holds a key with {@link LedgerRouting} first; here, a
 * key held elsewhere reads as absent.
 *
 * <pre>{@code
 * LocalLedgerReads reads = LocalLedgerReads.of(streams);                          // active tasks only
 * LocalLedgerReads anyReplica = LocalLedgerReads.includingStandbys(streams);       // may lag behind
 * Optional<HostView> host = reads.host("compute-1");
 * List<LedgerRecord> page = reads.hostEvents("compute-1", 101, 50);              // events 101..150
 * }</pre>
 *
 * <p>What a read sees: the stores of the ledger processor ({@code host-ledgers}, {@code host-devices},
 * {@code host-last-heard}, {@code claim-archive}, {@code host-events}, {@code device-history}, {@code group-counts}) may show a decision
 * before its transaction commits (and, if it aborts, one that is decided again); {@code claim-results} holds committed answers only. A claim is granted only
 * by its committed result (DESIGN.md), never by a read here.
 *
 * <p>Every read throws {@link StoreUnavailableException} when a store cannot be read now (starting, rebalancing,
 * restoring, not running), and {@link IllegalArgumentException} naming the argument that is missing or out of range.
 * Thread-safe: Kafka Streams' stores may be read from any thread.
 */
public final class LocalLedgerReads {

    /** Hosts whose last view is kept: at some 30 KB for 64 devices, up to 60 MB. */
    private static final int CACHED_HOST_VIEWS = 2048;

    private final StoreLookup stores;
    private final HostViewCache views = new HostViewCache(CACHED_HOST_VIEWS);

    private LocalLedgerReads(final StoreLookup stores) {
        this.stores = stores;
    }

    /** Reads of the stores of the active tasks of {@code streams}. */
    public static LocalLedgerReads of(final KafkaStreams streams) {
        return new LocalLedgerReads(StoreLookup.activeOf(streams));
    }

    /**
     * Reads of the stores of the active and standby tasks of {@code streams}: an answer when the active instance is
     * gone, possibly behind it ({@link StoreLookup#activeAndStandbyOf}).
     */
    public static LocalLedgerReads includingStandbys(final KafkaStreams streams) {
        return new LocalLedgerReads(StoreLookup.activeAndStandbyOf(streams));
    }

    /** Reads of the stores {@code stores} finds, e.g. those of a {@code TopologyTestDriver} in a test. */
    public static LocalLedgerReads over(final StoreLookup stores) {
        return new LocalLedgerReads(stores);
    }

    /** The host's state: devices, claims, pools, stale flag, last heard, last sequence; empty if not held here. */
    public Optional<HostView> host(final String host) {
        requireText(host, "host");
        return reading(() -> {
            final HostHeader header = headers().get(host);
            final Long heard = this.<String, Long>store(LedgerTopology.LAST_HEARD_STORE).get(host);
            if (header == null && heard == null) {
                return Optional.empty();
            }
            final Instant lastHeard = heard == null ? null : Instant.ofEpochMilli(heard);
            if (header == null) {
                return Optional.of(HostView.of(HostLedger.empty(host), lastHeard));
            }
            // A view shows the live part only: its ledger needs no archive of ended claims.
            return Optional.of(views.view(host, header.nextSeq() - 1, lastHeard, () -> HostView.of(
                    StoredHosts.read(header, this.<DeviceKey, LedgerDevice>store(LedgerTopology.HOST_DEVICES_STORE),
                            new InMemoryClaimArchive()), lastHeard), () -> atPosition(host, header.nextSeq())));
        });
    }

    /**
     * The claim {@code claimId} as {@code host} decided it: live from {@code host-ledgers}, ended or refused from
     * {@code claim-archive}. Empty if the host has not decided such a claim here (or is not held here).
     */
    public Optional<ClaimView> claim(final String host, final String claimId) {
        requireText(host, "host");
        requireText(claimId, "claim id");
        return reading(() -> {
            final HostHeader stored = headers().get(host);
            if (stored != null) {
                for (final Claim live : stored.liveClaims()) {
                    if (live.claimId().equals(claimId)) {
                        return Optional.of(new ClaimView(host, live, null));
                    }
                }
            }
            final ArchivedClaim archived = this.<ClaimKey, ArchivedClaim>store(LedgerTopology.CLAIM_ARCHIVE_STORE)
                    .get(new ClaimKey(host, claimId));
            return Optional.ofNullable(archived)
                    .map(found -> new ClaimView(host, found.endedClaim(), found.rejection()));
        });
    }

    /**
     * The position of the host's ledger here: the sequence number of its last event. Empty if the host is not held
     * here (not this instance's, or no agent ever reported it). For read-your-writes: a reader that has seen event
     * {@code n} of the host and finds a smaller position reads a replica that is behind.
     */
    public OptionalLong position(final String host) {
        requireText(host, "host");
        return reading(() -> {
            final HostHeader stored = headers().get(host);
            return stored == null ? OptionalLong.empty() : OptionalLong.of(stored.nextSeq() - 1);
        });
    }

    /**
     * A page of the host's ledger: its events from sequence number {@code fromSeq} on, in order, at most
     * {@code limit}. The next page starts after the last one's sequence number. Empty when the host has no event
     * from {@code fromSeq} on here.
     *
     * @param fromSeq the first sequence number wanted, at least 1
     * @param limit   how many events at most, at least 1
     */
    public List<LedgerRecord> hostEvents(final String host, final long fromSeq, final int limit) {
        requireText(host, "host");
        if (fromSeq < 1) {
            throw new IllegalArgumentException("fromSeq must be at least 1 (a host's first event), not " + fromSeq);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, not " + limit);
        }
        return reading(() -> {
            final List<LedgerRecord> page = new ArrayList<>(Math.min(limit, 1024));
            try (KeyValueIterator<HostEventKey, LedgerEvent> events = this.<HostEventKey, LedgerEvent>store(
                    LedgerTopology.HOST_EVENTS_STORE).range(new HostEventKey(host, fromSeq),
                    new HostEventKey(host, Long.MAX_VALUE))) {
                while (events.hasNext() && page.size() < limit) {
                    page.add(LedgerEvents.toDomain(events.next().value));
                }
            }
            return Collections.unmodifiableList(page);
        });
    }

    /**
     * Every ledger event of the device {@code address} on {@code host}, in order ({@link
     * io.pciledger.ledger.domain.AffectedDevices} says which events those are). Empty when the device has no history
     * here.
     *
     * <p>On a standby, {@code device-history} and {@code host-events} catch up separately: the history then stops
     * before the first event this replica does not have yet, so that it is always the device's history up to some
     * point, never one with a hole.
     */
    public List<LedgerRecord> deviceHistory(final String host, final String address) {
        requireText(host, "host");
        requireText(address, "address");
        return reading(() -> {
            final List<Long> seqs = new ArrayList<>();
            try (KeyValueIterator<DeviceEventKey, Long> references = this.<DeviceEventKey, Long>store(
                    LedgerTopology.DEVICE_HISTORY_STORE).prefixScan(DeviceEventKey.prefix(host, address),
                    new ByteArraySerializer())) {
                references.forEachRemaining(reference -> seqs.add(reference.value));
            }
            final ReadOnlyKeyValueStore<HostEventKey, LedgerEvent> events = store(LedgerTopology.HOST_EVENTS_STORE);
            final List<LedgerRecord> history = new ArrayList<>(seqs.size());
            for (final long seq : seqs) {
                final LedgerEvent event = events.get(new HostEventKey(host, seq));
                if (event == null) {
                    break;
                }
                history.add(LedgerEvents.toDomain(event));
            }
            return Collections.unmodifiableList(history);
        });
    }

    /**
     * The standing committed answer for {@code claimId} ({@link ClaimResult#isSupersededBy}): which host decided the
     * claim, granted or refused. The claim's state now is that host's {@link #claim(String, String)}. Empty if no
     * answer for the claim id is held here (route with {@link LedgerRouting#claimOwners}).
     */
    public Optional<ClaimResult> claimResult(final String claimId) {
        requireText(claimId, "claim id");
        return reading(() -> Optional.ofNullable(this.<String, io.pciledger.schemas.result.ClaimResult>store(
                LedgerTopology.CLAIM_RESULTS_STORE).get(claimId)).map(ClaimResults::toDomainResult));
    }

    /**
     * The cloud-wide count of {@code group}, if this instance holds it: the {@code group-counts} store is
     * partitioned by group (route with {@link LedgerRouting#groupCountOwners}). Every group's committed count is also
     * in the compacted topic {@code pci.group-counts}.
     */
    public Optional<GroupCount> groupCount(final String group) {
        requireText(group, "group");
        return reading(() -> Optional.ofNullable(this.<String, GroupCounts>store(LedgerTopology.GROUP_COUNTS_STORE)
                .get(group)).map(GroupCountRecords::toDomain));
    }

    /** The counts of the groups this instance holds, by group: its partitions of {@code group-counts}. */
    public SortedMap<String, GroupCount> groupCounts() {
        return reading(() -> {
            final SortedMap<String, GroupCount> counts = new TreeMap<>();
            try (KeyValueIterator<String, GroupCounts> all = this.<String, GroupCounts>store(
                    LedgerTopology.GROUP_COUNTS_STORE).all()) {
                all.forEachRemaining(count -> counts.put(count.key, GroupCountRecords.toDomain(count.value)));
            }
            return Collections.unmodifiableSortedMap(counts);
        });
    }

    /** Whether the host's header here still says its next event is {@code nextSeq}. */
    private boolean atPosition(final String host, final long nextSeq) {
        final HostHeader now = headers().get(host);
        return now != null && now.nextSeq() == nextSeq;
    }

    private ReadOnlyKeyValueStore<String, HostHeader> headers() {
        return store(LedgerTopology.HOST_LEDGERS_STORE);
    }

    private <K, V> ReadOnlyKeyValueStore<K, V> store(final String name) {
        return stores.keyValueStore(name);
    }

    /** Runs {@code read}, turning "cannot read a store now" into {@link StoreUnavailableException}. */
    private static <T> T reading(final Supplier<T> read) {
        try {
            return read.get();
        } catch (final UnknownStateStoreException notInTopology) {
            throw new IllegalStateException("the Kafka Streams application read is not the ledger's topology: "
                    + notInTopology.getMessage(), notInTopology);
        } catch (final InvalidStateStoreException unavailable) {
            throw new StoreUnavailableException("a ledger store cannot be read on this instance now, retry shortly: "
                    + unavailable.getMessage(), unavailable);
        }
    }

    static void requireText(final String value, final String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is missing: a non-empty " + what + " is needed");
        }
    }
}
