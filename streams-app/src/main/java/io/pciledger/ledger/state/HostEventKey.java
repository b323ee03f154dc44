package io.pciledger.ledger.state;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The key of the {@code host-events} store: one event of a host's ledger, by host and per-host sequence number.
 *
 * <p>Bytes ({@link OrderedKeyBytes}): the host as an escaped, terminated UTF-8 part, then the sequence number as
 * 8 big-endian bytes. For {@code compute-1}, event 5: {@code "compute-1" 00 01 00 00 00 00 00 00 00 05}. So the store
 * is sorted by host, then sequence: a host's page of events from sequence {@code n} is one range scan from
 * {@code (host, n)} to {@code (host, Long.MAX_VALUE)}.
 *
 * @param host the host whose ledger it is
 * @param seq  the event's sequence number in that ledger, at least 0 (ledgers start at 1)
 */
public record HostEventKey(String host, long seq) {

    /** The key serde of the store, and so of its changelog. */
    public static final Serde<HostEventKey> SERDE = Serdes.serdeFrom(
            (topic, key) -> key == null ? null : key.toBytes(),
            (topic, bytes) -> bytes == null ? null : fromBytes(bytes));

    /**
     * @throws IllegalArgumentException when the host is missing or the sequence number is negative
     */
    public HostEventKey {
        if (host == null) {
            throw new IllegalArgumentException("host is missing: a host-events key needs it");
        }
        if (seq < 0) {
            throw new IllegalArgumentException("sequence number " + seq + " of host " + host
                    + " is negative: ledger sequences start at 1");
        }
    }

    public byte[] toBytes() {
        return new OrderedKeyBytes().text(host, "host").seq(seq).toBytes();
    }

    /**
     * The key encoded in {@code bytes}.
     *
     * @throws org.apache.kafka.common.errors.SerializationException when the bytes are not such a key
     */
    public static HostEventKey fromBytes(final byte[] bytes) {
        final OrderedKeyBytes.Reader reader = new OrderedKeyBytes.Reader(bytes);
        final HostEventKey key = new HostEventKey(reader.text(), reader.seq());
        reader.end();
        return key;
    }
}
