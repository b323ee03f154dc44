package io.pciledger.schemas.topic;

import io.pciledger.schemas.serde.AvroSerde;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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

    /** One serde per value type, made on first use: making one reads the schema history from the class path. */
    private static final Map<Class<?>, AvroSerde<?>> SERDES = new ConcurrentHashMap<>();

    /**
     * The serde for this topic's values, shared by every caller (its codec is thread-safe): callers may ask for it
     * per record without paying for a new one.
     */
    @SuppressWarnings("unchecked")
    public AvroSerde<V> valueSerde() {
        return (AvroSerde<V>) SERDES.computeIfAbsent(valueType, type -> AvroSerde.forClass(valueType));
    }
}
