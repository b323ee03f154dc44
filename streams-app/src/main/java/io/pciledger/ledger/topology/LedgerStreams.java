package io.pciledger.ledger.topology;

import io.pciledger.ledger.config.LedgerConfig;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The ledger processor as a Kafka Streams application, ready to start: the topology of {@link LedgerTopology}
 * with the properties of a {@link LedgerConfig}.
 *
 * <p>To run it, use {@link io.pciledger.ledger.run.LedgerRunner}: it starts this client, stops it when a stream
 * thread dies and closes it leaving the consumer group.
 *
 * <p>Topics are not created here: provision them first ({@code TopicProvisioner}), so that {@code pci.inventory},
 * {@code pci.commands} and {@code pci.ledger} are co-partitioned. An exception from a processor stops this
 * client (Kafka Streams' default), because the ledger refuses only what would be a bug (a record that does not
 * fit the state); replacing the thread would meet the same record again.
 */
public final class LedgerStreams {

    private LedgerStreams() {
    }

    public static KafkaStreams create(final LedgerConfig config) {
        return new KafkaStreams(LedgerTopology.build(config.topicNames(), config.timers()),
                config.streamsProperties());
    }
}
