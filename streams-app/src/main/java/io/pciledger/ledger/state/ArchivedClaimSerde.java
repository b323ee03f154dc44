package io.pciledger.ledger.state;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The value serde of the {@code claim-archive} store (and so of its changelog topic): an {@link ArchivedClaim} as
 * JSON, {@code {"format": 1, "claim": {...}}} for an ended claim or {@code {"format": 1, "rejection": {...}}} for a
 * refusal, with the same field mapping as the host state ({@link LedgerJson}). Like the host state, it is internal
 * to the ledger processor and can be rebuilt from {@code pci.ledger}; an unknown format is refused with that advice.
 */
public final class ArchivedClaimSerde implements Serde<ArchivedClaim> {

    /** The layout written now. */
    public static final int FORMAT = 1;

    @Override
    public Serializer<ArchivedClaim> serializer() {
        return (topic, archived) -> archived == null ? null : write(archived);
    }

    @Override
    public Deserializer<ArchivedClaim> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    /** {@code archived} as a JSON document. */
    public static byte[] write(final ArchivedClaim archived) {
        return LedgerJson.write(FORMAT, LedgerJson.FormatField.FIRST, json -> {
            if (archived.endedClaim() != null) {
                json.writeFieldName("claim");
                LedgerJson.claim(json, archived.endedClaim());
            } else {
                json.writeFieldName("rejection");
                LedgerJson.rejection(json, archived.rejection());
            }
        }, () -> "archived claim " + archived.claimId());
    }

    /**
     * The archived claim in {@code bytes}.
     *
     * @throws SerializationException when the bytes are not an archived claim of a known format
     */
    public static ArchivedClaim read(final byte[] bytes) {
        final JsonNode root = LedgerJson.document(bytes, "archived claim", FORMAT);
        if (root.hasNonNull("claim")) {
            return ArchivedClaim.ended(LedgerJson.claim(root.get("claim")));
        }
        if (root.hasNonNull("rejection")) {
            return ArchivedClaim.refused(LedgerJson.rejection(root.get("rejection")));
        }
        throw new SerializationException("archived claim has neither a claim nor a rejection: " + root);
    }
}
