package io.pciledger.ledger.state;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The key of the {@code host-devices} store: one device of a host, by host and PCI address.
 *
 * <p>Bytes ({@link OrderedKeyBytes}): the host and the address as escaped, terminated UTF-8 parts. So a host's
 * devices are contiguous, sorted by address, and all of them are one prefix scan of {@link #prefix(String)}, the
 * same prefix as the host's keys in the other per-host stores ({@link ClaimKey#prefix(String)}).
 *
 * @param host    the device's host
 * @param address the device's PCI address on that host
 */
public record DeviceKey(String host, String address) {

    /** The key serde of the store, and so of its changelog. */
    public static final Serde<DeviceKey> SERDE = Serdes.serdeFrom(
            (topic, key) -> key == null ? null : key.toBytes(),
            (topic, bytes) -> bytes == null ? null : fromBytes(bytes));

    /**
     * @throws IllegalArgumentException when the host or address is missing
     */
    public DeviceKey {
        if (host == null || address == null) {
            throw new IllegalArgumentException("host (" + host + ") and address (" + address
                    + ") are both needed for a host-devices key");
        }
    }

    public byte[] toBytes() {
        return new OrderedKeyBytes().text(host, "host").text(address, "address").toBytes();
    }

    /** The bytes every key of {@code host} starts with, and no other key does. */
    public static byte[] prefix(final String host) {
        return ClaimKey.prefix(host);
    }

    /**
     * The key encoded in {@code bytes}.
     *
     * @throws org.apache.kafka.common.errors.SerializationException when the bytes are not such a key
     */
    public static DeviceKey fromBytes(final byte[] bytes) {
        final OrderedKeyBytes.Reader reader = new OrderedKeyBytes.Reader(bytes);
        final DeviceKey key = new DeviceKey(reader.text(), reader.text());
        reader.end();
        return key;
    }
}
