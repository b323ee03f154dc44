package io.pciledger.ledger.topology;

import io.pciledger.ledger.avro.GroupCountRecords;
import io.pciledger.ledger.domain.GroupCount;
import io.pciledger.ledger.state.StoredHostSerde;
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
 *   pci.inventory ──┐                                      ┌─▶ pci.ledger          (key host)
 *                   ├─▶ ledger-processor [host-ledgers] ───┼─▶ pci.claim-results   (key claim id)
 *   pci.commands ───┘          ▲ reads                     ├─▶ pci.host-pools      (key host)
 *                              │                           ├─▶ pci.dead-letters    (key source topic)
 *   pci.groups ─▶ [groups, global]                         └─▶ count changes (key group)
 *                                                               ─▶ repartition ─▶ sum [group-counts] ─▶ pci.group-counts
 * </pre>
 *
 * <p>{@code host-ledgers} is a persistent (RocksDB), changelogged key-value store: key host, value the host's
 * {@link io.pciledger.ledger.state.StoredHost} ({@link StoredHostSerde}). Both inputs are keyed by host and
 * co-partitioned, so one task owns a host and decides every claim on it in order (see {@link LedgerProcessor}).
 * {@code groups} is a global store of every group registration ({@link GroupRegistrationUpdater}), which the
 * processor reads as the {@link io.pciledger.ledger.domain.GroupDirectory} of private groups.
 *
 * <p>Group counts: after each decision the processor emits, per group whose count on the host changed, the
 * change ({@link io.pciledger.ledger.domain.HostGroupCounts#changeSince}), keyed by group; Streams repartitions
 * them by group and {@code group-counts} (persistent, changelogged) keeps their sum, which is published to
 * {@code pci.group-counts}. Under exactly-once a change is summed once.
 */
public final class LedgerTopology {

    public static final String HOST_LEDGERS_STORE = "host-ledgers";
    public static final String GROUPS_STORE = "groups";
    public static final String GROUP_COUNTS_STORE = "group-counts";
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
                Serdes.String(), new StoredHostSerde()));
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
                .process(() -> new LedgerProcessor(timers), Named.as(LEDGER_PROCESSOR), HOST_LEDGERS_STORE);

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
        return builder.build();
    }
}
