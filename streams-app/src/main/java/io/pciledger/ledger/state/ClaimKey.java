package io.pciledger.ledger.state;

import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The key of the {@code claim-archive} store: a claim a host has finished with (ended or refused), by host and
 * claim id.
 *
 * <p>Bytes ({@link OrderedKeyBytes}): the host and the claim id as escaped, terminated UTF-8 parts. So a host's
 * archived claims are contiguous, sorted by claim id, and all of them are one prefix scan of
 * {@link #prefix(String)}.
 *
 * @param host    the host that decided the claim
 * @param claimId the client's claim id
 */
public record ClaimKey(String host, String claimId) {

    /** The key serde of the store, and so of its changelog. */
    public static final Serde<ClaimKey> SERDE = Serdes.serdeFrom(
            (topic, key) -> key == null ? null : key.toBytes(),
            (topic, bytes) -> bytes == null ? null : fromBytes(bytes));

    /**
     * @throws IllegalArgumentException when the host or claim id is missing
     */
    public ClaimKey {
        if (host == null || claimId == null) {
            throw new IllegalArgumentException("host (" + host + ") and claim id (" + claimId
                    + ") are both needed for a claim-archive key");
        }
    }

    public byte[] toBytes() {
        return new OrderedKeyBytes().text(host, "host").text(claimId, "claim id").toBytes();
    }

    /** The bytes every key of {@code host} starts with, and no other key does. */
    public static byte[] prefix(final String host) {
        return new OrderedKeyBytes().text(host, "host").toBytes();
    }

    /**
     * The key encoded in {@code bytes}.
     *
     * @throws org.apache.kafka.common.errors.SerializationException when the bytes are not such a key
     */
    public static ClaimKey fromBytes(final byte[] bytes) {
        final OrderedKeyBytes.Reader reader = new OrderedKeyBytes.Reader(bytes);
        final ClaimKey key = new ClaimKey(reader.text(), reader.text());
        reader.end();
        return key;
    }
}
