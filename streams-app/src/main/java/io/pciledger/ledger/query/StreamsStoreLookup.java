package io.pciledger.ledger.query;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** The local stores of a {@link KafkaStreams}, of its active tasks only or of its standby tasks too. */
final class StreamsStoreLookup implements StoreLookup {

    private final KafkaStreams streams;
    private final boolean includeStandbys;

    StreamsStoreLookup(final KafkaStreams streams, final boolean includeStandbys) {
        this.streams = streams;
        this.includeStandbys = includeStandbys;
    }

    @Override
    public <K, V> ReadOnlyKeyValueStore<K, V> keyValueStore(final String name) {
        final StoreQueryParameters<ReadOnlyKeyValueStore<K, V>> query =
                StoreQueryParameters.fromNameAndType(name, QueryableStoreTypes.keyValueStore());
        try {
            return streams.store(includeStandbys ? query.enableStaleStores() : query);
        } catch (final IllegalStateException notRunning) {
            final State state = streams.state();
            if (state.isRunningOrRebalancing()) {
                throw notRunning;
            }
            // KafkaStreams says "not running" with an IllegalStateException, not an InvalidStateStoreException.
            throw new InvalidStateStoreException("the ledger's Kafka Streams client is " + state + ", so store "
                    + name + " cannot be read");
        }
    }
}
