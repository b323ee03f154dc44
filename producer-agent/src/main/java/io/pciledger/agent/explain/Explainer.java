package io.pciledger.agent.explain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pciledger.agent.device.HostDevices;
import io.pciledger.agent.device.PciDevice;
import io.pciledger.agent.spec.DeviceSpec;
import io.pciledger.agent.spec.DeviceSpecException;
import io.pciledger.agent.spec.DeviceSpecList;
import io.pciledger.agent.spec.GroupAssignment;
import io.pciledger.agent.spec.MatchedDevice;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The operator's answer to "why is my device not in group X?": matches a device spec against a host's
 * devices exactly as the agent does, and says for every device which entry matched it (the first),
 * its group and tags, and why each entry before it did not match.
 *
 * <p>Input document:
 * <pre>
 * {"device_spec": [{"address": "0000:0a:00.0", "name": "physnet1"}, {"vendor_id": "10de"}],
 *  "devices": [{"address": "0000:0a:00.0", "vendor_id": "8086", "product_id": "1572", "dev_type": "type-PF",
 *               "class_code": "020000"},
 *              {"address": "0000:0a:02.0", "vendor_id": "8086", "product_id": "154c", "dev_type": "type-VF",
 *               "parent_addr": "0000:0a:00.0", "class_code": "020000"}],
 *  "netdevs": {"ens1f0": "0000:0a:00.0"}}
 * </pre>
 * {@code device_spec} is one entry object, a list of them, or a string holding a nova.conf value; the
 * devices are read as {@link HostDocument} describes.
 *
 * <p>Result for a valid spec:
 * <pre>
 * {"valid": true,
 *  "matches": [{"address": "0000:0a:00.0", "spec_index": 0, "group": "physnet1", "tags": {},
 *               "not_matched_by": []}, ...,
 *              {"address": "0000:3b:00.0", "spec_index": null, "group": null, "tags": {},
 *               "not_matched_by": [{"spec_index": 0, "reason": "address 0000:3b:00.0 is not ..."}, ...]}],
 *  "groups": {"physnet1": 2}}
 * </pre>
 * For an invalid spec: {@code {"valid": false, "error": "<kind>", "message": "...", "spec_index": 3}}
 * ({@code spec_index} when the error is in one entry); for a malformed document:
 * {@code {"valid": false, "error": "invalid_input", "message": "..."}}.
 */
public final class Explainer {

    /** The {@code error} of a result whose input document is malformed. */
    public static final String INVALID_INPUT = "invalid_input";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> DOCUMENT_KEYS = Set.of("device_spec", "devices", "netdevs");

    /** Explains one input document (device spec, devices, interfaces). */
    public Explanation explain(final JsonNode document) {
        try {
            checkDocument(document);
            final HostDevices host = HostDocument.read(document.get("devices"), document.get("netdevs"));
            final JsonNode deviceSpec = document.get("device_spec");
            return explain(() -> deviceSpecOf(deviceSpec), host);
        } catch (final ExplainInputException e) {
            return invalidInput(e.getMessage());
        }
    }

    /**
     * Explains a device spec against a host found some other way (e.g. discovered from sysfs, with the
     * spec read from a nova.conf by {@code () -> PciConfig.load(file).deviceSpecs()}). A
     * {@link DeviceSpecException} from {@code deviceSpec} or from matching is the invalid-spec answer.
     */
    public Explanation explain(final Supplier<DeviceSpecList> deviceSpec, final HostDevices host) {
        try {
            final DeviceSpecList specs = deviceSpec.get();
            return new Explanation(valid(specs, specs.match(host), host), true);
        } catch (final DeviceSpecException e) {
            return new Explanation(invalidSpec(e), false);
        }
    }

    /** The answer for a document that could not be read at all, e.g. a line of a batch that is not JSON. */
    public Explanation invalidInput(final String message) {
        final ObjectNode result = NODES.objectNode();
        result.put("valid", false);
        result.put("error", INVALID_INPUT);
        result.put("message", message);
        return new Explanation(result, false);
    }

    private static void checkDocument(final JsonNode document) {
        if (document == null || !document.isObject()) {
            throw new ExplainInputException("expected a JSON object with \"device_spec\" and \"devices\", got "
                    + document);
        }
        final Iterator<String> keys = document.fieldNames();
        while (keys.hasNext()) {
            final String key = keys.next();
            if (!DOCUMENT_KEYS.contains(key)) {
                throw new ExplainInputException("unknown key \"" + key + "\"; expected \"device_spec\", \"devices\""
                        + " and optionally \"netdevs\"");
            }
        }
        if (!document.has("device_spec")) {
            throw new ExplainInputException("no \"device_spec\": give the spec to explain, e.g."
                    + " \"device_spec\": [{\"vendor_id\": \"8086\"}]");
        }
    }

    private static DeviceSpecList deviceSpecOf(final JsonNode deviceSpec) {
        return deviceSpec.isTextual()
                ? DeviceSpecList.parse(deviceSpec.textValue())
                : DeviceSpecList.fromJson(deviceSpec);
    }

    private static ObjectNode valid(final DeviceSpecList specs, final GroupAssignment assignment,
            final HostDevices host) {
        final ObjectNode result = NODES.objectNode();
        result.put("valid", true);
        final ArrayNode matches = result.putArray("matches");
        for (final PciDevice device : host.devices()) {
            matches.add(deviceResult(specs, assignment.matchOf(device.address()), device, host));
        }
        final ObjectNode groups = result.putObject("groups");
        assignment.assignableCounts().forEach(groups::put);
        return result;
    }

    private static ObjectNode deviceResult(final DeviceSpecList specs, final Optional<MatchedDevice> match,
            final PciDevice device, final HostDevices host) {
        final ObjectNode result = NODES.objectNode();
        result.put("address", device.address().toString());
        final ObjectNode tags = NODES.objectNode();
        if (match.isPresent()) {
            result.put("spec_index", match.get().specIndex());
            result.put("group", match.get().group());
            match.get().tags().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(tag -> tags.put(tag.getKey(), tag.getValue()));
        } else {
            result.putNull("spec_index");
            result.putNull("group");
        }
        result.set("tags", tags);
        final ArrayNode notMatchedBy = result.putArray("not_matched_by");
        final int tried = match.map(MatchedDevice::specIndex).orElse(specs.specs().size());
        for (final DeviceSpec spec : specs.specs().subList(0, tried)) {
            spec.mismatch(device, host).ifPresent(reason -> notMatchedBy.addObject()
                    .put("spec_index", spec.index())
                    .put("reason", reason));
        }
        return result;
    }

    private static ObjectNode invalidSpec(final DeviceSpecException e) {
        final ObjectNode result = NODES.objectNode();
        result.put("valid", false);
        result.put("error", e.kind().code());
        result.put("message", e.getMessage());
        e.entry().ifPresent(index -> result.put("spec_index", index));
        return result;
    }
}
