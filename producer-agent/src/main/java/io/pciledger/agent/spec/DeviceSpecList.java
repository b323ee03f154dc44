package io.pciledger.agent.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.pciledger.agent.device.HostDevices;
import io.pciledger.agent.device.PciDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * The whole device spec of a host: the ordered list of {@link DeviceSpec} entries that decides which
 * devices are assignable, and in which PCI group. A device no entry matches is not assignable; when
 * several entries match a device, the first one wins (its group, its tags).
 *
 * <p>In nova.conf the spec is a multi-valued option: each {@code device_spec =} line is one JSON value,
 * either one object or a list of objects, and the entries of all values form one list, in order:
 *
 * <pre>
 *   [pci]
 *   device_spec = {"address": "0000:3b:00.0", "physical_network": "physnet1", "name": "vf-physnet1"}
 *   device_spec = [{"vendor_id": "10de", "name": "gpu"}, {"vendor_id": "15b3"}]
 * </pre>
 *
 * Here entry 0 matches the PF {@code 0000:3b:00.0} and all its VFs, entry 1 every NVIDIA device and
 * entry 2 every Mellanox device not already matched (in its class's default group). Entry indexes count
 * across all values from 0; every error names the entry it is about.
 */
public final class DeviceSpecList {


    private final List<DeviceSpec> specs;

    private DeviceSpecList(final List<DeviceSpec> specs) {
        this.specs = List.copyOf(specs);
    }

    /** No entries: nothing is assignable (Nova's default). */
    public static DeviceSpecList empty() {
        return new DeviceSpecList(List.of());
    }

    /**
     * Reads the values of a multi-valued {@code device_spec} option, each a JSON text.
     *
     * @throws DeviceSpecException {@code invalid_json}, {@code not_object_or_list}, {@code not_an_object}
     *         or the first error of an entry, in order
     */
    public static DeviceSpecList parse(final List<String> values) {
        return read(values, DeviceSpecList::readJson);
    }

    /** Reads one JSON text: one object or a list of objects. */
    public static DeviceSpecList parse(final String value) {
        return parse(List.of(value));
    }

    /** Reads already-parsed JSON values, each one object or a list of objects. */
    public static DeviceSpecList fromJson(final List<JsonNode> values) {
        return read(values, (value, position) -> value);
    }

    /** Reads value after value, as Nova does, so the first error in configuration order is the one reported. */
    private static <T> DeviceSpecList read(final List<T> values, final BiFunction<T, Integer, JsonNode> toJson) {
        final List<DeviceSpec> specs = new ArrayList<>();
        for (int position = 0; position < values.size(); position++) {
            final JsonNode value = toJson.apply(values.get(position), position);
            for (final JsonNode entry : entries(value, position, specs.size())) {
                specs.add(DeviceSpec.fromJson(specs.size(), entry));
            }
        }
        return new DeviceSpecList(specs);
    }

    /** Reads one parsed JSON value: one object or a list of objects. */
    public static DeviceSpecList fromJson(final JsonNode value) {
        return fromJson(List.of(value));
    }

    public List<DeviceSpec> specs() {
        return specs;
    }

    /**
     * Matches every device of a host: the first matching entry decides the device's group and tags.
     *
     * @throws DeviceSpecException when an entry fails the checks that need the host
     *         ({@link DeviceSpec#checkOn(HostDevices)}), as nova-compute refuses to start
     */
    public GroupAssignment match(final HostDevices host) {
        specs.forEach(spec -> spec.checkOn(host));
        final List<MatchedDevice> matched = new ArrayList<>();
        final List<PciDevice> unmatched = new ArrayList<>();
        for (final PciDevice device : host.devices()) {
            firstMatch(device, host).ifPresentOrElse(
                    spec -> matched.add(new MatchedDevice(device, spec.index(), spec.groupFor(device), spec.tags())),
                    () -> unmatched.add(device));
        }
        return new GroupAssignment(matched, unmatched);
    }

    /** The first entry that matches {@code device}, if any. */
    public Optional<DeviceSpec> firstMatch(final PciDevice device, final HostDevices host) {
        return specs.stream().filter(spec -> spec.matches(device, host)).findFirst();
    }

    private static JsonNode readJson(final String value, final int position) {
        try {
            return StrictJson.read(value);
        } catch (final JsonProcessingException e) {
            throw new DeviceSpecException(DeviceSpecException.Kind.INVALID_JSON,
                    "device_spec value " + position + " is not valid JSON (" + e.getOriginalMessage() + "): '"
                            + value + "'");
        }
    }

    private static List<JsonNode> entries(final JsonNode value, final int position, final int firstIndex) {
        if (value != null && value.isObject()) {
            return List.of(value);
        }
        if (value == null || !value.isArray()) {
            throw new DeviceSpecException(DeviceSpecException.Kind.NOT_OBJECT_OR_LIST,
                    "device_spec value " + position + " is " + value
                            + "; expected a JSON object or a list of JSON objects");
        }
        final List<JsonNode> entries = new ArrayList<>();
        value.forEach(entries::add);
        for (int offset = 0; offset < entries.size(); offset++) {
            if (!entries.get(offset).isObject()) {
                throw new DeviceSpecException(DeviceSpecException.Kind.NOT_AN_OBJECT,
                        "element " + entries.get(offset) + " is not a JSON object; expected an object such as"
                                + " {\"vendor_id\": \"8086\"}").atEntry(firstIndex + offset);
            }
        }
        return entries;
    }
}
