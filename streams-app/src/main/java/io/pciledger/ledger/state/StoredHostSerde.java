package io.pciledger.ledger.state;

import static io.pciledger.ledger.state.LedgerJson.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pciledger.ledger.domain.Claim;
import io.pciledger.ledger.domain.LedgerDevice;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The value serde of the {@code host-ledgers} store (and so of its changelog topic): a {@link StoredHost} as
 * JSON, written field by field ({@link LedgerJson}).
 *
 * <p>Why JSON and not Avro: the state is internal to the ledger processor, never read by another module, and can
 * always be rebuilt by replaying {@code pci.ledger}; an explicit mapping keeps it readable in a changelog dump.
 * Every document carries {@code "format": 2} ({@link #FORMAT}); a later format must still read this one,
 * or the store must be rebuilt from the ledger. Instants are ISO-8601 text (lossless), nulls are written as JSON null.
 */
public final class StoredHostSerde implements Serde<StoredHost> {

    /**
     * The layout written now. Format 2 holds the live part only: {@code claims} are the live claims, and there is
     * no {@code rejections} nor {@code last_heard}. Format 1 held every claim ever granted, every refusal and
     * {@code last_heard}; it is refused, since its ended claims and refusals would have to be moved to the
     * {@code claim-archive} store: rebuild the stores from {@code pci.ledger}. A format 1 reader refuses format 2
     * the same way.
     */
    public static final int FORMAT = 2;


    @Override
    public Serializer<StoredHost> serializer() {
        return (topic, stored) -> stored == null ? null : write(stored);
    }

    @Override
    public Deserializer<StoredHost> deserializer() {
        return (topic, bytes) -> bytes == null ? null : read(bytes);
    }

    /** {@code stored} as a JSON document. */
    public static byte[] write(final StoredHost stored) {
        final ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("host", stored.host());
        root.put("next_seq", stored.nextSeq());
        root.put("stale_since", LedgerJson.text(stored.staleSince()));
        final ArrayNode devices = root.putArray("devices");
        stored.devices().forEach(device -> devices.add(LedgerJson.ledgerDevice(device)));
        final ArrayNode claims = root.putArray("claims");
        stored.liveClaims().forEach(claim -> claims.add(LedgerJson.claim(claim)));
        final ArrayNode groups = root.putArray("groups_seen");
        stored.groupsSeen().forEach(groups::add);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (final IOException impossible) {
            throw new SerializationException("cannot write the state of host " + stored.host(), impossible);
        }
    }

    /**
     * The host state in {@code bytes}.
     *
     * @throws SerializationException when the bytes are not a state document of a known format
     */
    public static StoredHost read(final byte[] bytes) {
        final JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (final IOException unreadable) {
            throw new SerializationException("host state is not JSON: " + unreadable.getMessage(), unreadable);
        }
        final int format = root.path("format").asInt(-1);
        if (format != FORMAT) {
            throw new SerializationException("host state has format " + root.path("format")
                    + ", this ledger reads format " + FORMAT + "; rebuild the store from pci.ledger");
        }
        final List<LedgerDevice> devices = new ArrayList<>();
        root.path("devices").forEach(node -> devices.add(LedgerJson.ledgerDevice(node)));
        final List<Claim> claims = new ArrayList<>();
        root.path("claims").forEach(node -> claims.add(LedgerJson.claim(node)));
        final List<String> groups = new ArrayList<>();
        root.path("groups_seen").forEach(node -> groups.add(node.asText()));
        return new StoredHost(root.get("host").asText(), root.get("next_seq").asLong(),
                LedgerJson.instant(root.get("stale_since")), devices, claims, groups);
    }
}
