package io.pciledger.ledger.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.pciledger.ledger.domain.Claim;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The value serde of the {@code host-ledgers} store (and so of its changelog topic): a {@link HostHeader} as JSON,
 * written field by field ({@link LedgerJson}).
 *
 * <p>Why JSON and not Avro: the state is internal to the ledger processor, never read by another module, and can
 * always be rebuilt by replaying {@code pci.ledger}; an explicit mapping keeps it readable in a changelog dump.
 * Every document carries {@code "format": 3} ({@link #FORMAT}); a later format must still read this one, or the
 * store must be rebuilt from the ledger. Instants are ISO-8601 text (lossless), nulls are written as JSON null.
 */
public final class HostHeaderSerde implements Serde<HostHeader> {

    /**
     * The layout written now. Format 3 holds no devices: they are rows of {@code host-devices}. Format 2 held the
     * devices in the document and format 1 every claim ever granted and refused as well; both are refused (the
     * devices would have to move to their own store): rebuild the stores from {@code pci.ledger}.
     */
    public static final int FORMAT = 3;

    @Override
    public Serializer<HostHeader> serializer() {
        return (topic, header) -> header == null ? null : write(header);
    }

    @Override
    public Deserializer<HostHeader> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    /** {@code header} as a JSON document. */
    public static byte[] write(final HostHeader header) {
        return LedgerJson.write(FORMAT, LedgerJson.FormatField.FIRST, json -> {
            json.writeStringField("host", header.host());
            json.writeNumberField("next_seq", header.nextSeq());
            json.writeStringField("stale_since", LedgerJson.text(header.staleSince()));
            json.writeArrayFieldStart("claims");
            for (final Claim claim : header.liveClaims()) {
                LedgerJson.claim(json, claim);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("groups_seen");
            for (final String group : header.groupsSeen()) {
                json.writeString(group);
            }
            json.writeEndArray();
        }, () -> "the state of host " + header.host());
    }

    /**
     * The host header in {@code bytes}.
     *
     * @throws SerializationException when the bytes are not a header document of a known format
     */
    public static HostHeader read(final byte[] bytes) {
        final JsonNode root = LedgerJson.document(bytes, "host state", FORMAT);
        final List<Claim> claims = new ArrayList<>();
        root.path("claims").forEach(node -> claims.add(LedgerJson.claim(node)));
        final List<String> groups = new ArrayList<>();
        root.path("groups_seen").forEach(node -> groups.add(node.asText()));
        return new HostHeader(root.get("host").asText(), root.get("next_seq").asLong(),
                LedgerJson.instant(root.get("stale_since")), claims, groups);
    }
}
