package io.pciledger.ledger.topology;

import io.pciledger.ledger.avro.ClaimResults;
import io.pciledger.ledger.avro.GroupCountRecords;
import io.pciledger.ledger.domain.GroupCount;
import io.pciledger.ledger.state.ArchivedClaimSerde;
import io.pciledger.ledger.state.ClaimKey;
import io.pciledger.ledger.state.DeviceEventKey;
import io.pciledger.ledger.state.HostEventKey;
import io.pciledger.ledger.state.DeviceKey;
import io.pciledger.ledger.state.HostHeaderSerde;
import io.pciledger.ledger.state.LedgerDeviceSerde;
import io.pciledger.schemas.deadletter.DeadLetter;
import io.pciledger.schemas.derived.GroupCounts;
import io.pciledger.schemas.derived.HostPools;
import io.pciledger.schemas.ledger.LedgerEvent;
import io.pciledger.schemas.result.ClaimResult;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.Topics;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The ledger processor's topology: Processor API processors for the decisions, wired with the DSL so that Kafka
 * Streams manages the repartition topic of the group counts.
 *
 * <pre>
 *   pci.inventory ──┐                                       ┌─▶ pci.ledger          (key host)
 *                   ├─▶ ledger-processor ───────────────────┼─▶ pci.claim-results   (key claim id)
 *   pci.commands ───┘   [host-ledgers] [host-devices]       ├─▶ pci.host-pools      (key host)
 *                       [host-last-heard] [claim-archive]   │
 *                       [host-events] [device-history]      ├─▶ pci.dead-letters    (key source topic)
 *                              ▲ reads                      └─▶ count changes (key group)
 *   pci.groups ─▶ [groups, global]                               ─▶ repartition ─▶ sum [group-counts] ─▶ pci.group-counts
 *
 *   pci.claim-results (committed only) ─▶ standing answer per claim id [claim-results]
 * </pre>
 *
 * <p>{@code host-ledgers} is a persistent (RocksDB), changelogged key-value store: key host, value the host's
 * {@link io.pciledger.ledger.state.HostHeader} ({@link HostHeaderSerde}): the live part of its ledger but the
 * devices, written only when the ledger changed. {@code host-devices} (persistent, changelogged): key
 * ({@link DeviceKey}) host and address, value the device, its status and holder ({@link LedgerDeviceSerde}), written
 * when an event touched it. These two and the next two may be cached (Kafka Streams' record cache), so that a key
 * written several times between two commits reaches RocksDB and the changelog once, at the commit; the ledger gives
 * that cache no memory by default, for shorter commits ({@code LedgerConfig}). {@code claim-archive} (persistent,
 * changelogged): key ({@link ClaimKey}) host and claim id, value the claim as it ended or the refusal
 * ({@link ArchivedClaimSerde}), written in the transaction of the event that ended or refused it and read by claim
 * id (retries). {@code host-last-heard} (persistent,
 * changelogged): key host, value when its agent was last heard, in epoch milliseconds by the ledger's clock. Both
 * inputs are keyed by host and co-partitioned, so one task owns a host and decides every claim on it in order (see
 * {@link LedgerProcessor}).
 * {@code groups} is a global store of every group registration ({@link GroupRegistrationUpdater}), which the
 * processor reads as the {@link io.pciledger.ledger.domain.GroupDirectory} of private groups.
 *
 * <p>The audit stores, persistent and changelogged, written by the processor with the ledger records, in the same
 * transaction ({@link AuditTrail}); they live in the host's task, so they are routed like {@code host-ledgers}:
 * <ul>
 *   <li>{@code host-events}: key ({@link HostEventKey}) host and sequence number, sorted so in RocksDB's byte order;
 *       value the ledger record as written to {@code pci.ledger} (its Avro encoding). A page of a host's ledger is
 *       one range scan.</li>
 *   <li>{@code device-history}: key ({@link DeviceEventKey}) host, device address and sequence number; value that
 *       sequence number, a reference into {@code host-events}. A device's history is one prefix scan.</li>
 * </ul>
 * Neither is ever pruned: like {@code pci.ledger}, they are the audit log, and their changelogs are as long.
 *
 * <p>{@code claim-results}: the topology reads its own {@code pci.claim-results} back, with the read-committed
 * consumer of {@code exactly_once_v2}, and keeps per claim id the answer that stands
 * ({@link io.pciledger.ledger.domain.ClaimResult#isSupersededBy}). It is partitioned like the topic, by claim id, so
 * a claim can be found without knowing its host, and it holds only committed answers.
 *
 * <p>Group counts: after each decision the processor emits, per group whose count on the host changed, the
 * change ({@link io.pciledger.ledger.domain.HostGroupCounts#changeSince}), keyed by group; Streams repartitions
 * them by group and {@code group-counts} (persistent, changelogged) keeps their sum, which is published to
 * {@code pci.group-counts}. Under exactly-once a change is summed once.
 *
 * <p>Interactive queries over these stores: {@link io.pciledger.ledger.query}.
 */
public final class LedgerTopology {

    public static final String HOST_LEDGERS_STORE = "host-ledgers";
    public static final String HOST_DEVICES_STORE = "host-devices";
    public static final String LAST_HEARD_STORE = "host-last-heard";
    public static final String CLAIM_ARCHIVE_STORE = "claim-archive";
    public static final String GROUPS_STORE = "groups";
    public static final String GROUP_COUNTS_STORE = "group-counts";
    public static final String HOST_EVENTS_STORE = "host-events";
    public static final String DEVICE_HISTORY_STORE = "device-history";
    public static final String CLAIM_RESULTS_STORE = "claim-results";
    public static final String LEDGER_PROCESSOR = "ledger-processor";
    public static final String GROUPS_UPDATER = "groups-updater";
    /** Names the repartition topic of the count changes: {@code <application id>-group-count-changes-repartition}. */
    public static final String GROUP_COUNT_CHANGES = "group-count-changes";

    private LedgerTopology() {
    }

    /** The topology over the topics named by {@code names}, with the default timers. */
    public static Topology build(final TopicNames names) {
        return build(names, LedgerTimers.DEFAULT);
    }

    /** The topology over the topics named by {@code names}, checking expiry and liveness as {@code timers} say. */
    public static Topology build(final TopicNames names, final LedgerTimers timers) {
        final StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HOST_LEDGERS_STORE),
                Serdes.String(), new HostHeaderSerde()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HOST_DEVICES_STORE),
                DeviceKey.SERDE, new LedgerDeviceSerde()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(LAST_HEARD_STORE),
                Serdes.String(), Serdes.Long()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(CLAIM_ARCHIVE_STORE),
                ClaimKey.SERDE, new ArchivedClaimSerde()).withCachingEnabled());
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HOST_EVENTS_STORE),
                HostEventKey.SERDE, Topics.LEDGER.valueSerde()));
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(DEVICE_HISTORY_STORE),
                DeviceEventKey.SERDE, Serdes.Long()));
        builder.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(GROUPS_STORE),
                        Serdes.String(), Topics.GROUPS.valueSerde()).withLoggingDisabled(),
                names.of(Topics.GROUPS), Consumed.with(Serdes.String(), Topics.GROUPS.valueSerde())
                        .withName("groups-source"),
                GroupRegistrationUpdater::new);

        final KStream<String, SpecificRecord> facts = builder
                .stream(names.of(Topics.INVENTORY), Consumed.with(Serdes.String(), Topics.INVENTORY.valueSerde())
                        .withName("inventory-source"))
                .mapValues(fact -> (SpecificRecord) fact, Named.as("inventory-as-input"));
        final KStream<String, SpecificRecord> commands = builder
                .stream(names.of(Topics.COMMANDS), Consumed.with(Serdes.String(), Topics.COMMANDS.valueSerde())
                        .withName("commands-source"))
                .mapValues(command -> (SpecificRecord) command, Named.as("commands-as-input"));
        final KStream<String, SpecificRecord> decided = facts.merge(commands, Named.as("inputs"))
                .process(() -> new LedgerProcessor(timers), Named.as(LEDGER_PROCESSOR),
                        HOST_LEDGERS_STORE, HOST_DEVICES_STORE, LAST_HEARD_STORE, CLAIM_ARCHIVE_STORE,
                        HOST_EVENTS_STORE, DEVICE_HISTORY_STORE);

        decided.filter((key, value) -> value instanceof LedgerEvent, Named.as("ledger-events"))
                .mapValues(value -> (LedgerEvent) value)
                .to(names.of(Topics.LEDGER), Produced.with(Serdes.String(), Topics.LEDGER.valueSerde())
                        .withName("ledger-sink"));
        decided.filter((key, value) -> value instanceof ClaimResult, Named.as("claim-results"))
                .mapValues(value -> (ClaimResult) value)
                .to(names.of(Topics.CLAIM_RESULTS), Produced.with(Serdes.String(),
                        Topics.CLAIM_RESULTS.valueSerde()).withName("claim-results-sink"));
        decided.filter((key, value) -> value instanceof HostPools, Named.as("host-pools"))
                .mapValues(value -> (HostPools) value)
                .to(names.of(Topics.HOST_POOLS), Produced.with(Serdes.String(), Topics.HOST_POOLS.valueSerde())
                        .withName("host-pools-sink"));
        decided.filter((key, value) -> value instanceof DeadLetter, Named.as("dead-letters"))
                .mapValues(value -> (DeadLetter) value)
                .to(names.of(Topics.DEAD_LETTERS), Produced.with(Serdes.String(),
                        Topics.DEAD_LETTERS.valueSerde()).withName("dead-letters-sink"));
        decided.filter((key, value) -> value instanceof GroupCounts, Named.as("count-changes"))
                .mapValues(value -> (GroupCounts) value)
                .groupByKey(Grouped.with(GROUP_COUNT_CHANGES, Serdes.String(), Topics.GROUP_COUNTS.valueSerde()))
                .aggregate(() -> GroupCountRecords.toAvro("", GroupCount.ZERO, Instant.EPOCH),
                        (group, change, sum) -> GroupCountRecords.plus(sum, change),
                        Named.as("sum-count-changes"),
                        Materialized.<String, GroupCounts, KeyValueStore<Bytes, byte[]>>as(GROUP_COUNTS_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(Topics.GROUP_COUNTS.valueSerde()))
                .toStream(Named.as("group-counts"))
                .to(names.of(Topics.GROUP_COUNTS), Produced.with(Serdes.String(), Topics.GROUP_COUNTS.valueSerde())
                        .withName("group-counts-sink"));

        builder.stream(names.of(Topics.CLAIM_RESULTS), Consumed.with(Serdes.String(),
                        Topics.CLAIM_RESULTS.valueSerde()).withName("claim-results-source"))
                .groupByKey(Grouped.with(Serdes.String(), Topics.CLAIM_RESULTS.valueSerde()))
                .reduce((standing, next) -> ClaimResults.toDomainResult(standing)
                                .isSupersededBy(ClaimResults.toDomainResult(next)) ? next : standing,
                        Named.as("standing-claim-results"),
                        Materialized.<String, ClaimResult, KeyValueStore<Bytes, byte[]>>as(CLAIM_RESULTS_STORE)
                                .withKeySerde(Serdes.String())
                                .withValueSerde(Topics.CLAIM_RESULTS.valueSerde()));
        return builder.build();
    }
}
