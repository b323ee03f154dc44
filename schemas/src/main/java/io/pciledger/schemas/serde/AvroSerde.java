package io.pciledger.schemas.serde;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Kafka serde for one generated record type, in Avro single-object encoding (see
 * {@link SingleObjectCodec}). A {@code null} value (a tombstone) stays {@code null} both ways;
 * undecodable bytes throw {@link UndecodableRecordException}, which Kafka consumers surface as a
 * {@code RecordDeserializationException} with the partition and offset.
 */
public final class AvroSerde<T extends SpecificRecord> implements Serde<T> {

    private final SingleObjectCodec<T> codec;

    private AvroSerde(final SingleObjectCodec<T> codec) {
        this.codec = codec;
    }

    public static <T extends SpecificRecord> AvroSerde<T> forClass(final Class<T> recordClass) {
        return new AvroSerde<>(SingleObjectCodec.forClass(recordClass));
    }

    public SingleObjectCodec<T> codec() {
        return codec;
    }

    @Override
    public Serializer<T> serializer() {
        return (topic, record) -> record == null ? null : codec.encode(record);
    }

    @Override
    public Deserializer<T> deserializer() {
        return (topic, bytes) -> bytes == null ? null : decodeFrom(topic, bytes);
    }

    private T decodeFrom(final String topic, final byte[] bytes) {
        try {
            return codec.decode(bytes);
        } catch (UndecodableRecordException e) {
            throw new UndecodableRecordException("topic " + topic + ": " + e.getMessage(), e.fingerprint(), e.getCause());
        }
    }
}
