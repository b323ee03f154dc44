package io.pciledger.agent.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads the agent's own PCI configuration file: one JSON object with the same content as nova.conf's
 * {@code [pci]} options, for nodes that do not run Nova.
 *
 * <pre>
 * {
 *   "device_spec": [
 *     {"devname": "ens1f0", "physical_network": "physnet1", "name": "sriov-physnet1"},
 *     {"vendor_id": "10de", "product_id": "20b0", "name": "a100"}
 *   ],
 *   "alias": [
 *     {"name": "a100", "vendor_id": "10de", "product_id": "20b0"}
 *   ]
 * }
 * </pre>
 *
 * <ul>
 *   <li>{@code device_spec}: one entry object or a list of them; entries are numbered from 0 in order.
 *       Missing: nothing is assignable.</li>
 *   <li>{@code alias}: one alias object or a list of them. Missing: no aliases.</li>
 *   <li>{@code passthrough_whitelist} is accepted as the old name of {@code device_spec}; given both,
 *       its entries come first, as in nova.conf.</li>
 *   <li>Any other key is an error, so a typo does not silently leave devices unassignable.</li>
 * </ul>
 */
public final class AgentConfigReader {

    private static final String DEVICE_SPEC = "device_spec";
    private static final String OLD_DEVICE_SPEC = "passthrough_whitelist";
    private static final String ALIAS = "alias";
    private static final Set<String> KEYS = Set.of(DEVICE_SPEC, OLD_DEVICE_SPEC, ALIAS);

    private AgentConfigReader() {
    }

    /**
     * @throws IOException         when the file cannot be read
     * @throws ConfigFileException when it is not a JSON object of the keys above
     * @throws DeviceSpecException when the device spec is wrong
     * @throws AliasException      when the aliases are wrong
     */
    public static PciConfig read(final Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Reads the text of an agent configuration file; {@code name} names it in errors. */
    public static PciConfig parse(final String text, final String name) {
        final JsonNode root;
        try {
            root = StrictJson.read(text);
        } catch (final JsonProcessingException e) {
            throw new ConfigFileException(name, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ConfigFileException(name, "expected a JSON object with \"device_spec\" and \"alias\"");
        }
        final Iterator<String> keys = root.fieldNames();
        while (keys.hasNext()) {
            final String key = keys.next();
            if (!KEYS.contains(key)) {
                throw new ConfigFileException(name, "unknown key \"" + key + "\"; expected \"device_spec\" and \"alias\"");
            }
        }
        final List<JsonNode> deviceSpecs = new ArrayList<>();
        if (root.has(OLD_DEVICE_SPEC)) {
            deviceSpecs.add(root.get(OLD_DEVICE_SPEC));
        }
        if (root.has(DEVICE_SPEC)) {
            deviceSpecs.add(root.get(DEVICE_SPEC));
        }
        return new PciConfig(DeviceSpecList.fromJson(deviceSpecs), AliasTable.fromJson(aliasValues(root.get(ALIAS))));
    }

    private static List<JsonNode> aliasValues(final JsonNode alias) {
        final List<JsonNode> values = new ArrayList<>();
        if (alias != null && alias.isArray()) {
            alias.forEach(values::add);
        } else if (alias != null) {
            values.add(alias);
        }
        return values;
    }
}
