package io.pciledger.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Encodes and decodes one record type with Avro's single-object encoding: a 2-byte marker
 * {@code C3 01}, the writer schema's 8-byte little-endian CRC-64-AVRO fingerprint, then the Avro
 * binary body. The fingerprint selects the writer schema among the {@link ReleasedSchemas released
 * versions}, and Avro resolves it to the current schema: no registry server is needed.
 *
 * <p>Decoding reads the body straight from the byte array with one resolving reader per released version (what
 * Avro's {@code BinaryMessageDecoder} does through an input stream, read a byte at a time): a replay of the
 * ledger decodes millions of records.
 *
 * <p>Thread-safe.
 */
public final class SingleObjectCodec<T extends SpecificRecord> {

    static final int HEADER_LENGTH = 10;
    private static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;

    /** A decoder per thread, reset onto each record's bytes: it buffers nothing between records. */
    private static final ThreadLocal<BinaryDecoder> DECODERS = new ThreadLocal<>();

    private final Schema current;
    private final BinaryMessageEncoder<T> encoder;
    private final Map<Long, DatumReader<T>> readersByFingerprint = new HashMap<>();
    private final int releasedVersions;

    @SuppressWarnings("unchecked")
    private SingleObjectCodec(final Schema current, final SpecificData model, final List<Schema> released) {
        this.current = current;
        this.encoder = new BinaryMessageEncoder<>(model, current);
        readersByFingerprint.put(SchemaNormalization.parsingFingerprint64(current),
                (DatumReader<T>) model.createDatumReader(current, current));
        for (final Schema writer : released) {
            readersByFingerprint.put(SchemaNormalization.parsingFingerprint64(writer),
                    (DatumReader<T>) model.createDatumReader(writer, current));
        }
        this.releasedVersions = released.size();
    }

    /** A codec for a generated record class, reading every released version of its schema. */
    public static <T extends SpecificRecord> SingleObjectCodec<T> forClass(final Class<T> recordClass) {
        final SpecificData model = SpecificData.getForClass(recordClass);
        final Schema current = model.getSchema(recordClass);
        return new SingleObjectCodec<>(current, model, ReleasedSchemas.of(current.getFullName()));
    }

    public Schema schema() {
        return current;
    }

    public byte[] encode(final T record) {
        try {
            final ByteBuffer buffer = encoder.encode(record);
            final byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException | AvroRuntimeException | NullPointerException e) {
            throw new IllegalArgumentException(
                    "cannot encode " + current.getFullName() + ": " + e.getMessage() + " (record: " + record + ")", e);
        }
    }

    /**
     * @throws UndecodableRecordException naming what is wrong with the bytes
     */
    public T decode(final byte[] bytes) {
        final long fingerprint = readFingerprint(bytes);
        final DatumReader<T> reader = readersByFingerprint.get(fingerprint);
        if (reader == null) {
            throw new UndecodableRecordException(String.format(Locale.ROOT,
                    "unknown schema fingerprint %016x: not among the %d released versions of %s"
                            + " (was it written by a newer release?)",
                    fingerprint, releasedVersions, current.getFullName()), fingerprint, null);
        }
        try {
            final BinaryDecoder reused = DECODERS.get();
            final BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, HEADER_LENGTH,
                    bytes.length - HEADER_LENGTH, reused);
            if (decoder != reused) {
                DECODERS.set(decoder);
            }
            return reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new UndecodableRecordException(String.format(Locale.ROOT,
                    "the body of a %s record (schema fingerprint %016x, %d bytes) does not match its schema: %s",
                    current.getFullName(), fingerprint, bytes.length, e), fingerprint, e);
        }
    }

    private long readFingerprint(final byte[] bytes) {
        if (bytes.length < HEADER_LENGTH) {
            throw new UndecodableRecordException(String.format(Locale.ROOT,
                    "%d bytes are too short for an Avro single-object %s record (its header alone is %d bytes)",
                    bytes.length, current.getFullName(), HEADER_LENGTH), null, null);
        }
        if (bytes[0] != MARKER_0 || bytes[1] != MARKER_1) {
            throw new UndecodableRecordException(String.format(Locale.ROOT,
                    "bad header: expected the Avro single-object marker C3 01 of a %s record, found %02X %02X",
                    current.getFullName(), bytes[0] & 0xFF, bytes[1] & 0xFF), null, null);
        }
        return ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }
}
