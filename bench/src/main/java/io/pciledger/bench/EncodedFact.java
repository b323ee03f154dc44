package io.pciledger.bench;

import io.pciledger.schemas.topic.Topics;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.common.serialization.Serializer;

/**
 * An inventory fact as its bytes on {@code pci.inventory}: key the host, value the fact encoded by the topic's
 * real serde. The fold benchmark sends the same bytes to the raw baseline's topic, so both move records of exactly
 * the same sizes, keys and partitions.
 *
 * @param host  the record's key
 * @param value the encoded fact
 */
record EncodedFact(String host, byte[] value) {

    EncodedFact {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(value, "value");
    }

    static List<EncodedFact> encode(final List<InventoryMix.KeyedFact> facts) {
        final Serializer<io.pciledger.schemas.inventory.InventoryFact> serializer =
                Topics.INVENTORY.valueSerde().serializer();
        return facts.stream()
                .map(fact -> new EncodedFact(fact.host(), serializer.serialize(Topics.INVENTORY.name(), fact.fact())))
                .toList();
    }

    /** The mean size of the values, in bytes. */
    static double meanValueBytes(final List<EncodedFact> facts) {
        return facts.stream().mapToInt(fact -> fact.value().length).average().orElse(0);
    }
}
