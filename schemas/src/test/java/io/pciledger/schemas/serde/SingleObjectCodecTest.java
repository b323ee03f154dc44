package io.pciledger.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pciledger.schemas.SampleEvents;
import io.pciledger.schemas.inventory.InventoryFact;
import io.pciledger.schemas.ledger.LedgerEvent;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SingleObjectCodecTest {

    static Stream<SampleEvents.Sample> samples() {
        return SampleEvents.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    @SuppressWarnings({"unchecked", "rawtypes"})
    void everyRecordTypeSurvivesARoundTrip(final SampleEvents.Sample sample) {
        final SingleObjectCodec codec = SingleObjectCodec.forClass((Class) sample.topic().valueType());

        final byte[] bytes = codec.encode(sample.value());
        final Object decoded = codec.decode(bytes);

        assertThat(bytes[0]).isEqualTo((byte) 0xC3);
        assertThat(bytes[1]).isEqualTo((byte) 0x01);
        assertThat(decoded).isEqualTo(sample.value());
    }

    @Test
    void recordWrittenWithReleasedV1IsReadByCurrentReaderWithTheNewFieldDefaulted() {
        final Schema v1 = ReleasedSchemas.of(InventoryFact.getClassSchema().getFullName()).get(0);
        assertThat(v1.getField("agent_version")).as("v1 predates agent_version").isNull();
        final Schema heartbeat = v1.getField("payload").schema().getTypes().stream()
                .filter(type -> type.getName().equals("AgentHeartbeat")).findFirst().orElseThrow();
        final GenericRecord oldFact = new GenericRecordBuilder(v1)
                .set("fact_id", "f-old").set("host", "compute-7").set("agent_time", 1_700_000_000_000L)
                .set("payload", new GenericRecordBuilder(heartbeat).set("device_count", 12).build())
                .build();
        final byte[] writtenByV1 = encodeWithGeneric(v1, oldFact);

        final InventoryFact read = SingleObjectCodec.forClass(InventoryFact.class).decode(writtenByV1);

        assertThat(read.getFactId()).isEqualTo("f-old");
        assertThat(read.getHost()).isEqualTo("compute-7");
        assertThat(read.getAgentVersion()).isNull();
        assertThat(read.getPayload()).hasFieldOrPropertyWithValue("deviceCount", 12);
    }

    @Test
    void unknownFingerprintIsAnErrorNamingTheFingerprint() {
        final byte[] bytes = SingleObjectCodec.forClass(LedgerEvent.class).encode(SampleEvents.ledgerEvents().get(0));
        ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).putLong(0x1234_5678_9abc_def0L);

        assertThatThrownBy(() -> SingleObjectCodec.forClass(LedgerEvent.class).decode(bytes))
                .isInstanceOf(UndecodableRecordException.class)
                .hasMessageContaining("unknown schema fingerprint 123456789abcdef0")
                .hasMessageContaining("io.pciledger.schemas.ledger.LedgerEvent")
                .satisfies(e -> assertThat(((UndecodableRecordException) e).fingerprint()).isEqualTo(0x1234_5678_9abc_def0L));
    }

    @Test
    void bytesWithoutTheSingleObjectMarkerAreABadHeader() {
        final byte[] json = "{\"host\":\"compute-1\",\"seq\":1}".getBytes();

        assertThatThrownBy(() -> SingleObjectCodec.forClass(LedgerEvent.class).decode(json))
                .isInstanceOf(UndecodableRecordException.class)
                .hasMessageContaining("bad header")
                .hasMessageContaining("found 7B 22");
    }

    @Test
    void tooFewBytesForAHeaderAreAnError() {
        assertThatThrownBy(() -> SingleObjectCodec.forClass(LedgerEvent.class).decode(new byte[] {(byte) 0xC3, 1, 0}))
                .isInstanceOf(UndecodableRecordException.class)
                .hasMessageContaining("3 bytes are too short");
    }

    @Test
    void truncatedBodyIsAnErrorNamingTheSchema() {
        final byte[] bytes = SingleObjectCodec.forClass(LedgerEvent.class).encode(SampleEvents.ledgerEvents().get(0));
        final byte[] truncated = Arrays.copyOf(bytes, 14);

        assertThatThrownBy(() -> SingleObjectCodec.forClass(LedgerEvent.class).decode(truncated))
                .isInstanceOf(UndecodableRecordException.class)
                .hasMessageContaining("does not match its schema");
    }

    @Test
    void serdePassesTombstonesThroughAsNull() {
        final AvroSerde<LedgerEvent> serde = AvroSerde.forClass(LedgerEvent.class);

        assertThat(serde.serializer().serialize("pci.ledger", null)).isNull();
        assertThat(serde.deserializer().deserialize("pci.ledger", null)).isNull();
    }

    @Test
    void deserializerErrorNamesTheTopic() {
        final AvroSerde<LedgerEvent> serde = AvroSerde.forClass(LedgerEvent.class);

        assertThatThrownBy(() -> serde.deserializer().deserialize("pci.ledger", new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}))
                .isInstanceOf(UndecodableRecordException.class)
                .hasMessageStartingWith("topic pci.ledger: bad header");
    }

    @Test
    void encodingAnIncompleteRecordNamesTheType() {
        final LedgerEvent incomplete = new LedgerEvent();

        assertThatThrownBy(() -> SingleObjectCodec.forClass(LedgerEvent.class).encode(incomplete))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot encode io.pciledger.schemas.ledger.LedgerEvent");
    }

    private static byte[] encodeWithGeneric(final Schema schema, final GenericRecord record) {
        try {
            final ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(record);
            final byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

}
