package io.pciledger.ledger.query;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Where {@link LocalLedgerReads} finds the ledger's key-value stores by name: the local stores of a running
 * {@link KafkaStreams} ({@link #activeOf}, {@link #activeAndStandbyOf}), or, in a test, those of a
 * {@code TopologyTestDriver} ({@code LocalLedgerReads.over(driver::getKeyValueStore)}).
 */
@FunctionalInterface
public interface StoreLookup {

    /**
     * The store named {@code name}, over every local partition it may be read from.
     *
     * @throws InvalidStateStoreException when it cannot be read now
     */
    <K, V> ReadOnlyKeyValueStore<K, V> keyValueStore(String name);

    /** The stores of the tasks {@code streams} runs as active: what it has committed or is about to. */
    static StoreLookup activeOf(final KafkaStreams streams) {
        return new StreamsStoreLookup(streams, false);
    }

    /**
     * The stores of the tasks {@code streams} runs, active or standby ({@link StoreQueryParameters#enableStaleStores}):
     * a standby may lag behind its active, so compare a host's {@link HostView#lastSeq()} with the sequence number
     * the reader expects.
     */
    static StoreLookup activeAndStandbyOf(final KafkaStreams streams) {
        return new StreamsStoreLookup(streams, true);
    }
}
