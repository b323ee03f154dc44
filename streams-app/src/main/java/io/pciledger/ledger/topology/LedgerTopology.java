package io.pciledger.ledger.topology;

import io.pciledger.ledger.state.StoredHostSerde;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * The ledger processor's topology (Processor API):
 *
 * <pre>
 *   pci.inventory ──┐                                   ┌─▶ pci.ledger         (key host)
 *                   ├─▶ ledger-processor [host-ledgers] ─┼─▶ pci.claim-results  (key claim id)
 *   pci.commands ───┘          ▲                        └─▶ pci.host-pools     (key host)
 *   pci.groups ─▶ groups-updater [groups, global] ┘
 * </pre>
 *
 * <p>{@code host-ledgers} is a persistent (RocksDB), changelogged key-value store: key host, value the host's
 * {@link io.pciledger.ledger.state.StoredHost} ({@link StoredHostSerde}). Both inputs are keyed by host and
 * co-partitioned, so one task owns a host and decides every claim on it in order (see {@link LedgerProcessor}).
 * {@code groups} is a global store of every group registration ({@link GroupRegistrationUpdater}), which the
 * processor reads as the {@link io.pciledger.ledger.domain.GroupDirectory} of private groups.
 */
public final class LedgerTopology {

    public static final String HOST_LEDGERS_STORE = "host-ledgers";
    public static final String GROUPS_STORE = "groups";
    public static final String GROUPS_SOURCE = "groups-source";
    public static final String GROUPS_UPDATER = "groups-updater";
    public static final String INVENTORY_SOURCE = "inventory-source";
    public static final String COMMANDS_SOURCE = "commands-source";
    public static final String LEDGER_PROCESSOR = "ledger-processor";
    public static final String LEDGER_SINK = "ledger-sink";
    public static final String CLAIM_RESULTS_SINK = "claim-results-sink";
    public static final String HOST_POOLS_SINK = "host-pools-sink";

    private LedgerTopology() {
    }

    /** The topology over the topics named by {@code names}, with the default timers. */
    public static Topology build(final TopicNames names) {
        return build(names, LedgerTimers.DEFAULT);
    }

    /** The topology over the topics named by {@code names}, checking expiry and liveness as {@code timers} say. */
    public static Topology build(final TopicNames names, final LedgerTimers timers) {
        final Topology topology = new Topology();
        topology.addSource(INVENTORY_SOURCE, Serdes.String().deserializer(),
                Topics.INVENTORY.valueSerde().deserializer(), names.of(Topics.INVENTORY));
        topology.addSource(COMMANDS_SOURCE, Serdes.String().deserializer(),
                Topics.COMMANDS.valueSerde().deserializer(), names.of(Topics.COMMANDS));
        topology.addProcessor(LEDGER_PROCESSOR, () -> new LedgerProcessor(timers), INVENTORY_SOURCE, COMMANDS_SOURCE);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(HOST_LEDGERS_STORE),
                Serdes.String(), new StoredHostSerde()), LEDGER_PROCESSOR);
        topology.addSink(LEDGER_SINK, names.of(Topics.LEDGER), Serdes.String().serializer(),
                Topics.LEDGER.valueSerde().serializer(), LEDGER_PROCESSOR);
        topology.addSink(CLAIM_RESULTS_SINK, names.of(Topics.CLAIM_RESULTS), Serdes.String().serializer(),
                Topics.CLAIM_RESULTS.valueSerde().serializer(), LEDGER_PROCESSOR);
        topology.addSink(HOST_POOLS_SINK, names.of(Topics.HOST_POOLS), Serdes.String().serializer(),
                Topics.HOST_POOLS.valueSerde().serializer(), LEDGER_PROCESSOR);
        topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(GROUPS_STORE),
                        Serdes.String(), Topics.GROUPS.valueSerde()).withLoggingDisabled(),
                GROUPS_SOURCE, Serdes.String().deserializer(), Topics.GROUPS.valueSerde().deserializer(),
                names.of(Topics.GROUPS), GROUPS_UPDATER, GroupRegistrationUpdater::new);
        return topology;
    }
}
