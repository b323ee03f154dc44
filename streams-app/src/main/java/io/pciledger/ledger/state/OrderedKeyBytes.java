package io.pciledger.ledger.state;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;

/**
 * The byte layout of the audit stores' keys: a sequence of text parts and a sequence number, laid out so that
 * RocksDB's byte order is the order of the parts.
 *
 * <ul>
 *   <li>A text part is its UTF-8 bytes with every {@code 0x00} written as {@code 0x00 0xFF}, then the terminator
 *       {@code 0x00 0x01}. Any string can be encoded, a NUL included. Encoded parts sort as their UTF-8 bytes do
 *       (unsigned), a string before every longer one it starts ({@code 0x00 0x01} sorts before any byte but
 *       {@code 0x00}, and before an escaped NUL). The encoding of one part is never a prefix of another's: in
 *       the escaped bytes a {@code 0x00} is always followed by {@code 0xFF}, so {@code 0x00 0x01} can only be the
 *       terminator. (A lone {@code 0x00} terminator, as in FoundationDB's tuple layer, would not do for prefix
 *       scans: the prefix of {@code ("h", "")} would start the keys of {@code ("h", "\0")} too.)</li>
 *   <li>A sequence number is 8 bytes, big-endian; it must not be negative, so that its bytes sort as it does.</li>
 * </ul>
 *
 * <p>So the keys of one host (or one device) are contiguous, in sequence order, and a scan of the encoded
 * prefix finds exactly them.
 */
final class OrderedKeyBytes {

    private static final byte NUL = 0x00;
    private static final byte ESCAPED_NUL = (byte) 0xFF;
    private static final byte TERMINATOR = 0x01;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);

    OrderedKeyBytes text(final String part, final String what) {
        if (part == null) {
            throw new IllegalArgumentException(what + " is missing: a store key needs it");
        }
        for (final byte b : part.getBytes(StandardCharsets.UTF_8)) {
            bytes.write(b);
            if (b == NUL) {
                bytes.write(ESCAPED_NUL);
            }
        }
        bytes.write(NUL);
        bytes.write(TERMINATOR);
        return this;
    }

    OrderedKeyBytes seq(final long seq) {
        if (seq < 0) {
            throw new IllegalArgumentException("sequence number " + seq + " is negative: ledger sequences start at 1");
        }
        bytes.writeBytes(ByteBuffer.allocate(Long.BYTES).putLong(seq).array());
        return this;
    }

    byte[] toBytes() {
        return bytes.toByteArray();
    }

    /** Reads the parts of an encoded key back, in the order they were written. */
    static final class Reader {

        private final byte[] key;
        private int position;

        Reader(final byte[] key) {
            this.key = key;
        }

        String text() {
            final ByteArrayOutputStream part = new ByteArrayOutputStream(32);
            while (position < key.length) {
                final byte b = key[position++];
                if (b != NUL) {
                    part.write(b);
                } else if (position == key.length) {
                    break;
                } else if (key[position] == ESCAPED_NUL) {
                    part.write(NUL);
                    position++;
                } else if (key[position] == TERMINATOR) {
                    position++;
                    return part.toString(StandardCharsets.UTF_8);
                } else {
                    throw malformed("a 0x00 is followed by " + key[position] + ", neither escape nor terminator");
                }
            }
            throw malformed("a text part has no terminator");
        }

        long seq() {
            if (key.length - position < Long.BYTES) {
                throw malformed("the sequence number is cut short");
            }
            final long seq = ByteBuffer.wrap(key, position, Long.BYTES).getLong();
            position += Long.BYTES;
            return seq;
        }

        void end() {
            if (position != key.length) {
                throw malformed((key.length - position) + " bytes follow the last part");
            }
        }

        private SerializationException malformed(final String problem) {
            return new SerializationException("not an audit store key (" + problem + "): "
                    + Arrays.toString(key));
        }
    }
}
