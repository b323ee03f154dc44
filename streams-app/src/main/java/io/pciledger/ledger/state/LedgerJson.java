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
import io.pciledger.ledger.domain.LedgerDevice;
import io.pciledger.ledger.domain.RejectReason;
import io.pciledger.ledger.domain.RejectedClaim;
import io.pciledger.ledger.domain.VnicType;
import org.apache.kafka.common.errors.SerializationException;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The JSON mapping of the domain values the ledger's stores keep ({@link HostHeaderSerde}, {@link LedgerDeviceSerde},
 * {@link ArchivedClaimSerde}), field by field: instants as ISO-8601 text (lossless), nulls as JSON null, enums by
 * name. Every document carries a {@code "format"} number; a document of another format is refused with the advice
 * to rebuild the stores from {@code pci.ledger}, from which they can always be rebuilt.
 */
final class LedgerJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private LedgerJson() {
    }

    /** A new document of {@code format}, to be filled. */
    static ObjectNode document(final int format) {
        final ObjectNode root = JSON.createObjectNode();
        root.put("format", format);
        return root;
    }

    /** The bytes of {@code document}, which holds {@code what}. */
    static byte[] bytes(final ObjectNode document, final String what) {
        try {
            return JSON.writeValueAsBytes(document);
        } catch (final IOException impossible) {
            throw new SerializationException("cannot write " + what, impossible);
        }
    }

    /**
     * The document in {@code bytes}, which should hold {@code what} in {@code format}.
     *
     * @throws SerializationException when the bytes are not JSON, or of another format
     */
    static JsonNode document(final byte[] bytes, final String what, final int format) {
        final JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (final IOException unreadable) {
            throw new SerializationException(what + " is not JSON: " + unreadable.getMessage(), unreadable);
        }
        if (root.path("format").asInt(-1) != format) {
            throw new SerializationException(what + " has format " + root.path("format") + ", this ledger reads format "
                    + format + "; rebuild the stores from pci.ledger");
        }
        return root;
    }

    static ObjectNode ledgerDevice(final LedgerDevice device) {
        final ObjectNode node = JSON.createObjectNode();
        node.set("device", device(device.device()));
        node.put("status", device.status().name());
        node.put("holder", device.holder());
        return node;
    }

    static LedgerDevice ledgerDevice(final JsonNode node) {
        return new LedgerDevice(device(node.get("device")), DeviceStatus.valueOf(node.get("status").asText()),
                text(node.get("holder")));
    }

    static ObjectNode device(final Device device) {
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

    static Device device(final JsonNode node) {
        final Map<String, String> tags = new TreeMap<>();
        node.path("tags").fields().forEachRemaining(tag -> tags.put(tag.getKey(), text(tag.getValue())));
        return new Device(node.get("address").asText(), text(node.get("vendor_id")), text(node.get("product_id")),
                text(node.get("class_code")), DevType.valueOf(node.get("dev_type").asText()),
                text(node.get("parent_addr")), integer(node.get("numa_node")), text(node.get("ifname")),
                text(node.get("driver")), node.get("group").asText(), tags);
    }

    static ObjectNode claim(final Claim claim) {
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

    static Claim claim(final JsonNode node) {
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

    static ObjectNode claimedDevice(final ClaimedDevice device) {
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

    static ClaimedDevice claimedDevice(final JsonNode node) {
        final String devType = text(node.get("dev_type"));
        final String vnicType = text(node.get("vnic_type"));
        return new ClaimedDevice(node.get("address").asText(), text(node.get("group")),
                devType == null ? null : DevType.valueOf(devType), vnicType == null ? null : VnicType.valueOf(vnicType),
                integer(node.get("numa_node")), text(node.get("parent_addr")), node.get("item_index").asInt());
    }

    static ObjectNode rejection(final RejectedClaim rejection) {
        final ObjectNode node = JSON.createObjectNode();
        node.put("claim_id", rejection.claimId());
        node.put("tenant", rejection.tenant());
        node.put("instance", rejection.instance());
        node.put("request_hash", rejection.requestHash());
        node.put("reason", rejection.reason() == null ? null : rejection.reason().name());
        node.put("message", rejection.message());
        return node;
    }

    static RejectedClaim rejection(final JsonNode node) {
        final String reason = text(node.get("reason"));
        return new RejectedClaim(node.get("claim_id").asText(), text(node.get("tenant")),
                text(node.get("instance")), text(node.get("request_hash")),
                reason == null ? null : RejectReason.valueOf(reason), text(node.get("message")));
    }

    static String text(final Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static Instant instant(final JsonNode node) {
        final String text = text(node);
        return text == null ? null : Instant.parse(text);
    }

    static String text(final JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }

    static Integer integer(final JsonNode node) {
        return node == null || node.isNull() ? null : node.asInt();
    }
}
