package io.pciledger.ledger.state;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.function.Supplier;

/**
 * The JSON mapping of the domain values the ledger's stores keep ({@link HostHeaderSerde}, {@link LedgerDeviceSerde},
 * {@link ArchivedClaimSerde}), field by field: instants as ISO-8601 text (lossless), nulls as JSON null, enums by
 * name. Every document carries a {@code "format"} number; a document of another format is refused with the advice
 * to rebuild the stores from {@code pci.ledger}, from which they can always be rebuilt.
 *
 * <p>Documents are written field by field to a {@link JsonGenerator}, not built as a tree first: the ledger writes a
 * header and a device row for every decision, and writing them through a tree was some of the tenth of the stream
 * thread's time that the stores' JSON took under load (docs/benchmarks.md, session 9). They are read as trees. The
 * bytes written are pinned by {@code StoredFormatsTest}.
 */
final class LedgerJson {

    static final ObjectMapper JSON = new ObjectMapper();

    private LedgerJson() {
    }

    /** Writes the fields of a document, or of an object within one. */
    @FunctionalInterface
    interface Fields {
        void write(JsonGenerator json) throws IOException;
    }

    /** Where a document's {@code "format"} field stands: part of each store's format, as it was first written. */
    enum FormatField { FIRST, LAST }

    /**
     * The bytes of the document that {@code fields} writes, which holds {@code what}: an object of the fields that
     * {@code fields} writes, and {@code "format"} before or after them.
     */
    static byte[] write(final int format, final FormatField formatField, final Fields fields,
            final Supplier<String> what) {
        final ByteArrayBuilder bytes = new ByteArrayBuilder(512);
        try (JsonGenerator json = JSON.createGenerator(bytes)) {
            json.writeStartObject();
            if (formatField == FormatField.FIRST) {
                json.writeNumberField("format", format);
            }
            fields.write(json);
            if (formatField == FormatField.LAST) {
                json.writeNumberField("format", format);
            }
            json.writeEndObject();
        } catch (final IOException impossible) {
            throw new SerializationException("cannot write " + what.get(), impossible);
        }
        return bytes.toByteArray();
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

    /** The fields of a stored device: the device as reported, its status and holder. */
    static void ledgerDevice(final JsonGenerator json, final LedgerDevice device) throws IOException {
        json.writeFieldName("device");
        device(json, device.device());
        json.writeStringField("status", device.status().name());
        json.writeStringField("holder", device.holder());
    }

    static LedgerDevice ledgerDevice(final JsonNode node) {
        return new LedgerDevice(device(node.get("device")), DeviceStatus.valueOf(node.get("status").asText()),
                text(node.get("holder")));
    }

    static void device(final JsonGenerator json, final Device device) throws IOException {
        json.writeStartObject();
        json.writeStringField("address", device.address());
        json.writeStringField("vendor_id", device.vendorId());
        json.writeStringField("product_id", device.productId());
        json.writeStringField("class_code", device.classCode());
        json.writeStringField("dev_type", device.devType().name());
        json.writeStringField("parent_addr", device.parentAddr());
        integerField(json, "numa_node", device.numaNode());
        json.writeStringField("ifname", device.ifname());
        json.writeStringField("driver", device.driver());
        json.writeStringField("group", device.group());
        json.writeObjectFieldStart("tags");
        for (final Map.Entry<String, String> tag : device.tags().entrySet()) {
            json.writeStringField(tag.getKey(), tag.getValue());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    static Device device(final JsonNode node) {
        final Map<String, String> tags = new TreeMap<>();
        node.path("tags").fields().forEachRemaining(tag -> tags.put(tag.getKey(), text(tag.getValue())));
        return new Device(node.get("address").asText(), text(node.get("vendor_id")), text(node.get("product_id")),
                text(node.get("class_code")), DevType.valueOf(node.get("dev_type").asText()),
                text(node.get("parent_addr")), integer(node.get("numa_node")), text(node.get("ifname")),
                text(node.get("driver")), node.get("group").asText(), tags);
    }

    static void claim(final JsonGenerator json, final Claim claim) throws IOException {
        json.writeStartObject();
        json.writeStringField("claim_id", claim.claimId());
        json.writeStringField("tenant", claim.tenant());
        json.writeStringField("instance", claim.instance());
        json.writeStringField("request_hash", claim.requestHash());
        json.writeArrayFieldStart("devices");
        for (final ClaimedDevice device : claim.devices()) {
            claimedDevice(json, device);
        }
        json.writeEndArray();
        json.writeBooleanField("live_migratable", claim.liveMigratable());
        json.writeStringField("expires_at", text(claim.expiresAt()));
        json.writeStringField("status", claim.status().name());
        json.writeArrayFieldStart("lost_addresses");
        for (final String address : claim.lostAddresses()) {
            json.writeString(address);
        }
        json.writeEndArray();
        json.writeNumberField("claimed_seq", claim.claimedSeq());
        json.writeNumberField("confirmed_seq", claim.confirmedSeq());
        json.writeNumberField("ended_seq", claim.endedSeq());
        json.writeEndObject();
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

    static void claimedDevice(final JsonGenerator json, final ClaimedDevice device) throws IOException {
        json.writeStartObject();
        json.writeStringField("address", device.address());
        json.writeStringField("group", device.group());
        json.writeStringField("dev_type", device.devType() == null ? null : device.devType().name());
        json.writeStringField("vnic_type", device.vnicType() == null ? null : device.vnicType().name());
        integerField(json, "numa_node", device.numaNode());
        json.writeStringField("parent_addr", device.parentAddr());
        json.writeNumberField("item_index", device.itemIndex());
        json.writeEndObject();
    }

    static ClaimedDevice claimedDevice(final JsonNode node) {
        final String devType = text(node.get("dev_type"));
        final String vnicType = text(node.get("vnic_type"));
        return new ClaimedDevice(node.get("address").asText(), text(node.get("group")),
                devType == null ? null : DevType.valueOf(devType), vnicType == null ? null : VnicType.valueOf(vnicType),
                integer(node.get("numa_node")), text(node.get("parent_addr")), node.get("item_index").asInt());
    }

    static void rejection(final JsonGenerator json, final RejectedClaim rejection) throws IOException {
        json.writeStartObject();
        json.writeStringField("claim_id", rejection.claimId());
        json.writeStringField("tenant", rejection.tenant());
        json.writeStringField("instance", rejection.instance());
        json.writeStringField("request_hash", rejection.requestHash());
        json.writeStringField("reason", rejection.reason() == null ? null : rejection.reason().name());
        json.writeStringField("message", rejection.message());
        json.writeEndObject();
    }

    static RejectedClaim rejection(final JsonNode node) {
        final String reason = text(node.get("reason"));
        return new RejectedClaim(node.get("claim_id").asText(), text(node.get("tenant")),
                text(node.get("instance")), text(node.get("request_hash")),
                reason == null ? null : RejectReason.valueOf(reason), text(node.get("message")));
    }

    private static void integerField(final JsonGenerator json, final String name, final Integer value)
            throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeNumberField(name, value);
        }
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
