package io.pciledger.ledger.state;

import io.pciledger.ledger.domain.LedgerDevice;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The value serde of the {@code host-devices} store (and so of its changelog topic): one {@link LedgerDevice} (the
 * device as last reported, its status and holder) as JSON, {@code {"device": {...}, "status": ...,
 * "holder": ..., "format": 1}} ({@code "format"} last, as first written), with the field mapping of {@link LedgerJson}.
 */
public final class LedgerDeviceSerde implements Serde<LedgerDevice> {

    /** The layout written now. */
    public static final int FORMAT = 1;

    @Override
    public Serializer<LedgerDevice> serializer() {
        return (topic, device) -> device == null ? null : write(device);
    }

    @Override
    public Deserializer<LedgerDevice> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    /** {@code device} as a JSON document. */
    public static byte[] write(final LedgerDevice device) {
        return LedgerJson.write(FORMAT, LedgerJson.FormatField.LAST, json -> LedgerJson.ledgerDevice(json, device),
                () -> "device " + device.device().address());
    }

    /**
     * The device in {@code bytes}.
     *
     * @throws org.apache.kafka.common.errors.SerializationException when the bytes are not a device of a known format
     */
    public static LedgerDevice read(final byte[] bytes) {
        return LedgerJson.ledgerDevice(LedgerJson.document(bytes, "stored device", FORMAT));
    }
}
