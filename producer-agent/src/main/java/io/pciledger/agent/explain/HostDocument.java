package io.pciledger.agent.explain;

import com.fasterxml.jackson.databind.JsonNode;
import io.pciledger.agent.device.DevType;
import io.pciledger.agent.device.HostDevices;
import io.pciledger.agent.device.PciAddress;
import io.pciledger.agent.device.PciDevice;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The host part of an explain document: its devices as discovery (or Nova's database) would list
 * them, and its network interfaces.
 *
 * <pre>
 *   "devices": [
 *     {"address": "0000:0a:00.0", "vendor_id": "8086", "product_id": "1572", "dev_type": "type-PF",
 *      "class_code": "020000", "numa_node": 0},
 *     {"address": "0000:0a:02.0", "vendor_id": "8086", "product_id": "154c", "dev_type": "type-VF",
 *      "parent_addr": "0000:0a:00.0"}
 *   ],
 *   "netdevs": {"ens1f0": "0000:0a:00.0"}
 * </pre>
 *
 * <ul>
 *   <li>{@code address}, {@code vendor_id}, {@code product_id} are required; ids are 4 hex digits.</li>
 *   <li>{@code dev_type} is {@code type-PCI} (the default), {@code type-PF} or {@code type-VF}; only
 *       {@code type-PF} makes a device a physical function, whose VFs a spec naming it also matches.
 *       A {@code type-VF} needs {@code parent_addr}.</li>
 *   <li>{@code class_code} (6 hex digits) decides the default group; without it the class is unknown
 *       ({@code ffffff}) and the default group is {@code default-other}.</li>
 *   <li>{@code numa_node} is a number or null; {@code ifname} and {@code driver} are optional strings.</li>
 *   <li>{@code netdevs} maps interface names to addresses, for {@code devname} entries.</li>
 * </ul>
 */
final class HostDocument {

    /** The class code of a device whose document does not give one: PCI's "unassigned class". */
    static final String UNKNOWN_CLASS = "ffffff";

    private static final Pattern HEX_ID = Pattern.compile("[0-9a-fA-F]{4}");
    private static final Pattern CLASS_CODE = Pattern.compile("[0-9a-fA-F]{6}");
    private static final String ID_FORM = "4 hex digits such as \"8086\"";
    private static final String CLASS_FORM = "6 hex digits such as \"020000\"";
    private static final Set<String> DEVICE_KEYS = Set.of("address", "vendor_id", "product_id", "dev_type",
            "parent_addr", "numa_node", "class_code", "ifname", "driver");

    private HostDocument() {
    }

    /**
     * @param devices the {@code devices} array
     * @param netdevs the {@code netdevs} object, or {@code null}
     * @throws ExplainInputException naming the place in the document that is malformed
     */
    static HostDevices read(final JsonNode devices, final JsonNode netdevs) {
        if (devices == null || !devices.isArray()) {
            throw new ExplainInputException("devices: expected a list of device objects, got " + devices);
        }
        final List<PciDevice> list = new ArrayList<>();
        for (int index = 0; index < devices.size(); index++) {
            list.add(device(devices.get(index), "devices[" + index + "]"));
        }
        try {
            return new HostDevices(list, interfaces(netdevs));
        } catch (final IllegalArgumentException e) {
            throw new ExplainInputException("devices: " + e.getMessage());
        }
    }

    private static PciDevice device(final JsonNode device, final String where) {
        if (!device.isObject()) {
            throw new ExplainInputException(where + ": expected a device object, got " + device);
        }
        final Iterator<String> keys = device.fieldNames();
        while (keys.hasNext()) {
            final String key = keys.next();
            if (!DEVICE_KEYS.contains(key)) {
                throw new ExplainInputException(where + ": unknown key \"" + key + "\"; expected some of "
                        + DEVICE_KEYS.stream().sorted().toList());
            }
        }
        final PciAddress address = address(device.get("address"), where + ".address");
        try {
            return new PciDevice(
                    address,
                    hex(device.get("vendor_id"), where + ".vendor_id", HEX_ID, ID_FORM, null),
                    hex(device.get("product_id"), where + ".product_id", HEX_ID, ID_FORM, null),
                    hex(device.get("class_code"), where + ".class_code", CLASS_CODE, CLASS_FORM, UNKNOWN_CLASS),
                    devType(device.get("dev_type"), where + ".dev_type"),
                    optional(device.get("parent_addr")) == null ? null
                            : address(device.get("parent_addr"), where + ".parent_addr"),
                    numaNode(device.get("numa_node"), where + ".numa_node"),
                    text(device.get("ifname"), where + ".ifname"),
                    text(device.get("driver"), where + ".driver"));
        } catch (final IllegalArgumentException e) {
            throw new ExplainInputException(where + ": " + e.getMessage());
        }
    }

    private static Map<String, PciAddress> interfaces(final JsonNode netdevs) {
        final Map<String, PciAddress> interfaces = new LinkedHashMap<>();
        if (optional(netdevs) == null) {
            return interfaces;
        }
        if (!netdevs.isObject()) {
            throw new ExplainInputException("netdevs: expected an object of interface name to address, got " + netdevs);
        }
        netdevs.properties().forEach(entry -> interfaces.put(entry.getKey(),
                address(entry.getValue(), "netdevs." + entry.getKey())));
        return interfaces;
    }

    private static PciAddress address(final JsonNode value, final String where) {
        if (value == null || !value.isTextual()) {
            throw new ExplainInputException(where + ": expected a PCI address such as \"0000:0a:00.1\", got " + value);
        }
        try {
            return PciAddress.parse(value.textValue());
        } catch (final IllegalArgumentException e) {
            throw new ExplainInputException(where + ": " + e.getMessage());
        }
    }

    private static String hex(final JsonNode value, final String where, final Pattern form, final String expected,
            final String missing) {
        if (optional(value) == null && missing != null) {
            return missing;
        }
        if (value == null || !value.isTextual() || !form.matcher(value.textValue()).matches()) {
            throw new ExplainInputException(where + ": expected " + expected + ", got " + value);
        }
        return value.textValue().toLowerCase(Locale.ROOT);
    }

    private static DevType devType(final JsonNode value, final String where) {
        if (optional(value) == null) {
            return DevType.TYPE_PCI;
        }
        try {
            return DevType.fromNovaName(value.asText());
        } catch (final IllegalArgumentException e) {
            throw new ExplainInputException(where + ": " + e.getMessage());
        }
    }

    private static Integer numaNode(final JsonNode value, final String where) {
        if (optional(value) == null) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new ExplainInputException(where + ": expected a NUMA node number or null, got " + value);
        }
        return value.intValue();
    }

    private static String text(final JsonNode value, final String where) {
        if (optional(value) == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw new ExplainInputException(where + ": expected a string, got " + value);
        }
        return value.textValue();
    }

    private static JsonNode optional(final JsonNode value) {
        return value == null || value.isNull() ? null : value;
    }
}
