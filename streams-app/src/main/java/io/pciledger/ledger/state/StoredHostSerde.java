package io.pciledger.ledger.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pciledger.ledger.domain.Claim;
import io.pciledger.ledger.domain.ClaimStatus;
import io.pciledger.ledger.domain.ClaimedDevice;
import io.pciledger.ledger.domain.DevType;
import io.pciledger.ledger.domain.Device;
import io.pciledger.ledger.domain.DeviceStatus;
import io.pciledger.ledger.domain.HostLedger;
import io.pciledger.ledger.domain.LedgerDevice;
import io.pciledger.ledger.domain.RejectReason;
import io.pciledger.ledger.domain.RejectedClaim;
import io.pciledger.ledger.domain.VnicType;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

/**
 * The value serde of the {@code host-ledgers} store (and so of its changelog topic): a {@link StoredHost} as
 * JSON, written field by field from the ledger's accessors and read back with {@link HostLedger#restore}.
 *
 * <p>Why JSON and not Avro: the state is internal to the ledger processor, never read by another module, and can
 * always be rebuilt by replaying {@code pci.ledger}; an explicit mapping keeps it readable in a changelog dump.
 * Every document carries {@code "format": 2} ({@link #FORMAT}); a later format must still read this one,
 * or the store must be rebuilt from the ledger. Instants are ISO-8601 text (lossless), nulls are written as JSON null.
 */
public final class StoredHostSerde implements Serde<StoredHost> {

    /**
     * The layout written now. Format 1 also held {@code last_heard}, which now lives in its own store; a format 1
     * document is refused (rebuild the store from {@code pci.ledger}).
     */
    public static final int FORMAT = 2;

    private static final ObjectMapper JSON = new ObjectMapper();

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
        final HostLedger ledger = stored.ledger();
        final ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("host", ledger.host());
        root.put("next_seq", ledger.nextSeq());
        root.put("stale_since", text(ledger.staleSince().orElse(null)));
        final ArrayNode devices = root.putArray("devices");
        ledger.devices().forEach(device -> devices.add(ledgerDevice(device)));
        final ArrayNode claims = root.putArray("claims");
        ledger.claims().forEach(claim -> claims.add(claim(claim)));
        final ArrayNode rejections = root.putArray("rejections");
        ledger.rejections().forEach(rejection -> rejections.add(rejection(rejection)));
        final ArrayNode groups = root.putArray("groups_seen");
        ledger.groupsSeen().forEach(groups::add);
        try {
            return JSON.writeValueAsBytes(root);
        } catch (final IOException impossible) {
            throw new SerializationException("cannot write the state of host " + ledger.host(), impossible);
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
        root.path("devices").forEach(node -> devices.add(ledgerDevice(node)));
        final List<Claim> claims = new ArrayList<>();
        root.path("claims").forEach(node -> claims.add(claim(node)));
        final List<RejectedClaim> rejections = new ArrayList<>();
        root.path("rejections").forEach(node -> rejections.add(rejection(node)));
        final List<String> groups = new ArrayList<>();
        root.path("groups_seen").forEach(node -> groups.add(node.asText()));
        final HostLedger ledger = HostLedger.restore(root.get("host").asText(), root.get("next_seq").asLong(),
                instant(root.get("stale_since")), devices, claims, rejections, groups);
        return new StoredHost(ledger);
    }

    private static ObjectNode ledgerDevice(final LedgerDevice device) {
        final ObjectNode node = JSON.createObjectNode();
        node.set("device", device(device.device()));
        node.put("status", device.status().name());
        node.put("holder", device.holder());
        return node;
    }

    private static LedgerDevice ledgerDevice(final JsonNode node) {
        return new LedgerDevice(device(node.get("device")), DeviceStatus.valueOf(node.get("status").asText()),
                text(node.get("holder")));
    }

    private static ObjectNode device(final Device device) {
        final ObjectNode node = JSON.createObjectNode();
        node.put("address", device.address());
        node.put("vendor_id", device.vendorId());
        node.put("product_id", device.productId());
        node.put("class_code", device.classCode());
        node.put("dev_type", device.devType().name());
        node.put("parent_addr", device.parentAddr());
        node.put("numa_node", device.numaNode());
        node.put("ifname", device.ifname());
        node.put("driver", device.driver());
        node.put("group", device.group());
        final ObjectNode tags = node.putObject("tags");
        device.tags().forEach(tags::put);
        return node;
    }

    private static Device device(final JsonNode node) {
        final Map<String, String> tags = new TreeMap<>();
        node.path("tags").fields().forEachRemaining(tag -> tags.put(tag.getKey(), text(tag.getValue())));
        return new Device(node.get("address").asText(), text(node.get("vendor_id")), text(node.get("product_id")),
                text(node.get("class_code")), DevType.valueOf(node.get("dev_type").asText()),
                text(node.get("parent_addr")), integer(node.get("numa_node")), text(node.get("ifname")),
                text(node.get("driver")), node.get("group").asText(), tags);
    }

    private static ObjectNode claim(final Claim claim) {
        final ObjectNode node = JSON.createObjectNode();
        node.put("claim_id", claim.claimId());
        node.put("tenant", claim.tenant());
        node.put("instance", claim.instance());
        node.put("request_hash", claim.requestHash());
        final ArrayNode devices = node.putArray("devices");
        claim.devices().forEach(device -> devices.add(claimedDevice(device)));
        node.put("live_migratable", claim.liveMigratable());
        node.put("expires_at", text(claim.expiresAt()));
        node.put("status", claim.status().name());
        final ArrayNode lost = node.putArray("lost_addresses");
        claim.lostAddresses().forEach(lost::add);
        node.put("claimed_seq", claim.claimedSeq());
        node.put("confirmed_seq", claim.confirmedSeq());
        node.put("ended_seq", claim.endedSeq());
        return node;
    }

    private static Claim claim(final JsonNode node) {
        final List<ClaimedDevice> devices = new ArrayList<>();
        node.path("devices").forEach(device -> devices.add(claimedDevice(device)));
        final TreeSet<String> lost = new TreeSet<>();
        node.path("lost_addresses").forEach(address -> lost.add(address.asText()));
        return new Claim(node.get("claim_id").asText(), text(node.get("tenant")), text(node.get("instance")),
                text(node.get("request_hash")), devices, node.get("live_migratable").asBoolean(),
                instant(node.get("expires_at")), ClaimStatus.valueOf(node.get("status").asText()), lost,
                node.get("claimed_seq").asLong(), node.get("confirmed_seq").asLong(),
                node.get("ended_seq").asLong());
    }

    private static ObjectNode claimedDevice(final ClaimedDevice device) {
        final ObjectNode node = JSON.createObjectNode();
        node.put("address", device.address());
        node.put("group", device.group());
        node.put("dev_type", device.devType() == null ? null : device.devType().name());
        node.put("vnic_type", device.vnicType() == null ? null : device.vnicType().name());
        node.put("numa_node", device.numaNode());
        node.put("parent_addr", device.parentAddr());
        node.put("item_index", device.itemIndex());
        return node;
    }

    private static ClaimedDevice claimedDevice(final JsonNode node) {
        final String devType = text(node.get("dev_type"));
        final String vnicType = text(node.get("vnic_type"));
        return new ClaimedDevice(node.get("address").asText(), text(node.get("group")),
                devType == null ? null : DevType.valueOf(devType), vnicType == null ? null : VnicType.valueOf(vnicType),
                integer(node.get("numa_node")), text(node.get("parent_addr")), node.get("item_index").asInt());
    }

    private static ObjectNode rejection(final RejectedClaim rejection) {
        final ObjectNode node = JSON.createObjectNode();
        node.put("claim_id", rejection.claimId());
        node.put("tenant", rejection.tenant());
        node.put("instance", rejection.instance());
        node.put("request_hash", rejection.requestHash());
        node.put("reason", rejection.reason() == null ? null : rejection.reason().name());
        node.put("message", rejection.message());
        return node;
    }

    private static RejectedClaim rejection(final JsonNode node) {
        final String reason = text(node.get("reason"));
        return new RejectedClaim(node.get("claim_id").asText(), text(node.get("tenant")),
                text(node.get("instance")), text(node.get("request_hash")),
                reason == null ? null : RejectReason.valueOf(reason), text(node.get("message")));
    }

    private static String text(final Instant instant) {
        return instant == null ? null : instant.toString();
    }

    private static Instant instant(final JsonNode node) {
        final String text = text(node);
        return text == null ? null : Instant.parse(text);
    }

    private static String text(final JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    private static Integer integer(final JsonNode node) {
        return node == null || node.isNull() ? null : node.asInt();
    }
}
