package io.pciledger.schemas.topic;

import io.pciledger.schemas.serde.AvroSerde;
import org.apache.avro.specific.SpecificRecord;

/**
 * One topic of the contract in DESIGN.md: its name, what its key is, the record type of its values,
 * how long it keeps them, and whether it must be co-partitioned with the ledger processor's inputs.
 *
 * @param name          the topic's name (before any {@link TopicNames prefix})
 * @param keyMeaning    what the UTF-8 string key is: host, claim id, group, ...
 * @param valueType     the generated Avro class every value decodes to
 * @param retention     how long records are kept
 * @param coPartitioned whether its partition count must equal the other co-partitioned topics'
 */
public record TopicDefinition<V extends SpecificRecord>(
        String name, String keyMeaning, Class<V> valueType, Retention retention, boolean coPartitioned) {

    /** A new serde for this topic's values. */
    public AvroSerde<V> valueSerde() {
        return AvroSerde.forClass(valueType);
    }
}
