package io.pciledger.bench;

import io.pciledger.schemas.inventory.InventoryFact;
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

    private static final Serializer<InventoryFact> SERIALIZER = Topics.INVENTORY.valueSerde().serializer();

    /** {@code fact} keyed by its host. */
    static EncodedFact of(final InventoryFact fact) {
        return new EncodedFact(fact.getHost(), SERIALIZER.serialize(Topics.INVENTORY.name(), fact));
    }

    static List<EncodedFact> encode(final List<InventoryMix.KeyedFact> facts) {
        return facts.stream().map(fact -> of(fact.fact())).toList();
    }

    /** The mean size of the values, in bytes. */
    static double meanValueBytes(final List<EncodedFact> facts) {
        return facts.stream().mapToInt(fact -> fact.value().length).average().orElse(0);
    }
}
