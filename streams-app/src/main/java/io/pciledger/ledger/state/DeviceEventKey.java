package io.pciledger.ledger.state;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The key of the {@code device-history} store: one ledger event that concerns a device, by host, device address
 * and the event's per-host sequence number.
 *
 * <p>Bytes ({@link OrderedKeyBytes}): the host and the address as escaped, terminated UTF-8 parts, then the
 * sequence number as 8 big-endian bytes. So the store is sorted by host, address, then sequence, and a device's
 * whole history is one prefix scan of {@link #prefix(String, String)}.
 *
 * @param host    the device's host
 * @param address the device's PCI address on that host
 * @param seq     the event's sequence number in the host's ledger
 */
public record DeviceEventKey(String host, String address, long seq) {

    /** The key serde of the store, and so of its changelog. */
    public static final Serde<DeviceEventKey> SERDE = Serdes.serdeFrom(
            (topic, key) -> key == null ? null : key.toBytes(),
            (topic, bytes) -> bytes == null ? null : fromBytes(bytes));

    /**
     * @throws IllegalArgumentException when the host or address is missing or the sequence number is negative
     */
    public DeviceEventKey {
        if (host == null || address == null) {
            throw new IllegalArgumentException("host (" + host + ") and address (" + address
                    + ") are both needed for a device-history key");
        }
        if (seq < 0) {
            throw new IllegalArgumentException("sequence number " + seq + " of host " + host
                    + " is negative: ledger sequences start at 1");
        }
    }

    public byte[] toBytes() {
        return new OrderedKeyBytes().text(host, "host").text(address, "address").seq(seq).toBytes();
    }

    /** The bytes every key of the device {@code address} on {@code host} starts with, and no other key does. */
    public static byte[] prefix(final String host, final String address) {
        return new OrderedKeyBytes().text(host, "host").text(address, "address").toBytes();
    }

    /**
     * The key encoded in {@code bytes}.
     *
     * @throws org.apache.kafka.common.errors.SerializationException when the bytes are not such a key
     */
    public static DeviceEventKey fromBytes(final byte[] bytes) {
        final OrderedKeyBytes.Reader reader = new OrderedKeyBytes.Reader(bytes);
        final DeviceEventKey key = new DeviceEventKey(reader.text(), reader.text(), reader.seq());
        reader.end();
        return key;
    }
}
