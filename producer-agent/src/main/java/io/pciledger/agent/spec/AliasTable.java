package io.pciledger.agent.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.pciledger.agent.device.DevType;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * All {@code [pci] alias} definitions, by name, validated as Nova validates them: each value is one
 * JSON object of Nova's alias schema, and values with the same name must agree.
 *
 * <p>The schema: {@code name} (required, a string of 1 to 256 characters, stripped), {@code vendor_id}
 * and {@code product_id} (exactly 4 hex digits), {@code device_type} ({@code type-PCI}, {@code type-PF} or
 * {@code type-VF}), {@code numa_policy} ({@code required}, {@code legacy}, {@code preferred},
 * {@code socket}; default {@code legacy}), {@code capability_type} ({@code pci}), and the strings
 * {@code resource_class}, {@code traits} and {@code live_migratable} (boolean-like); no other key.
 * Every alias must give {@code vendor_id} and {@code product_id} (Nova's rule while PCI in Placement is
 * off).
 *
 * <pre>
 *   alias = {"name": "a100", "vendor_id": "10de", "product_id": "20b0", "device_type": "type-PCI"}
 * </pre>
 *
 * and a flavor with {@code pci_passthrough:alias = a100:2} asks for {@code GroupRequest("a100", 2)}.
 */
public final class AliasTable {

    private static final Pattern HEX_ID = Pattern.compile("[0-9a-fA-F]{4}");
    private static final int MAX_NAME_LENGTH = 256;
    private static final Set<String> PROPERTIES = Set.of("name", "capability_type", "product_id", "vendor_id",
            "device_type", "numa_policy", "resource_class", "traits", "live_migratable");

    private final Map<String, PciAlias> aliases;

    private AliasTable(final Map<String, PciAlias> aliases) {
        this.aliases = aliases;
    }

    public static AliasTable empty() {
        return new AliasTable(Map.of());
    }

    /**
     * Reads the values of the multi-valued {@code alias} option, each a JSON text of one object.
     *
     * @throws AliasException for the first wrong value, or a conflict between values of one name
     */
    public static AliasTable parse(final List<String> values) {
        return read(values, AliasTable::readJson);
    }

    /** Reads already-parsed alias values, each one JSON object. */
    public static AliasTable fromJson(final List<JsonNode> values) {
        return read(values, (value, position) -> value);
    }

    private static <T> AliasTable read(final List<T> values, final BiFunction<T, Integer, JsonNode> toJson) {
        final Map<String, PciAlias> aliases = new LinkedHashMap<>();
        for (int position = 0; position < values.size(); position++) {
            final JsonNode value = toJson.apply(values.get(position), position);
            checkSchema(value, position);
            final String name = value.get("name").textValue().strip();
            final NumaPolicy policy = optionalText(value, "numa_policy")
                    .flatMap(NumaPolicy::fromNovaName).orElse(NumaPolicy.LEGACY);
            final AliasSpec spec = spec(value, position);
            final PciAlias known = aliases.get(name);
            if (known == null) {
                aliases.put(name, new PciAlias(name, policy, spec.deviceType(), List.of(spec)));
                continue;
            }
            if (known.numaPolicy() != policy) {
                throw new AliasException(AliasException.Kind.NUMA_POLICY_MISMATCH, "NUMA policy mismatch for alias '"
                        + name + "': value " + position + " gives " + policy.novaName() + ", an earlier value "
                        + known.numaPolicy().novaName());
            }
            if (!known.deviceType().equals(spec.deviceType())) {
                throw new AliasException(AliasException.Kind.DEVICE_TYPE_MISMATCH, "Device type mismatch for alias '"
                        + name + "': value " + position + " gives " + typeName(spec.deviceType())
                        + ", an earlier value " + typeName(known.deviceType()));
            }
            final List<AliasSpec> specs = new ArrayList<>(known.specs());
            specs.add(spec);
            aliases.put(name, new PciAlias(name, policy, known.deviceType(), specs));
        }
        checkIds(aliases);
        return new AliasTable(Map.copyOf(aliases));
    }

    public Optional<PciAlias> find(final String name) {
        return Optional.ofNullable(aliases.get(name));
    }

    public Map<String, PciAlias> aliases() {
        return aliases;
    }

    /**
     * Turns a flavor's {@code pci_passthrough:alias} extra spec into group requests, in order: each
     * alias resolves to the PCI group of the same name.
     *
     * @throws AliasRequestException {@code invalid_format}, {@code alias_not_defined} or {@code not_a_group_name}
     */
    public List<GroupRequest> groupRequests(final String extraSpec) {
        return groupRequests(AliasExtraSpec.parse(extraSpec));
    }

    /** As {@link #groupRequests(String)}, for an extra spec already parsed. */
    public List<GroupRequest> groupRequests(final AliasExtraSpec extraSpec) {
        final List<GroupRequest> requests = new ArrayList<>();
        for (final AliasExtraSpec.Item item : extraSpec.items()) {
            if (!aliases.containsKey(item.alias())) {
                throw new AliasRequestException(AliasRequestException.Kind.ALIAS_NOT_DEFINED,
                        "PCI alias " + item.alias() + " is not defined; defined aliases: "
                                + new TreeSet<>(aliases.keySet()));
            }
            if (!GroupName.isValid(item.alias())) {
                throw new AliasRequestException(AliasRequestException.Kind.NOT_A_GROUP_NAME,
                        "PCI alias '" + item.alias() + "' cannot name a PCI group; a group name is " + GroupName.rule());
            }
            requests.add(new GroupRequest(item.alias(), item.count()));
        }
        return List.copyOf(requests);
    }

    private static JsonNode readJson(final String value, final int position) {
        try {
            return StrictJson.read(value);
        } catch (final JsonProcessingException e) {
            throw new AliasException(AliasException.Kind.INVALID_JSON,
                    "alias value " + position + " is not valid JSON (" + e.getOriginalMessage() + "): '" + value + "'");
        }
    }

    private static void checkSchema(final JsonNode value, final int position) {
        if (value == null || !value.isObject()) {
            throw new AliasException(AliasException.Kind.NOT_AN_OBJECT,
                    "alias value " + position + " is " + value + "; expected one JSON object such as"
                            + " {\"name\": \"a100\", \"vendor_id\": \"10de\", \"product_id\": \"20b0\"}");
        }
        final Iterator<String> keys = value.fieldNames();
        while (keys.hasNext()) {
            final String key = keys.next();
            if (!PROPERTIES.contains(key)) {
                throw new AliasException(AliasException.Kind.UNKNOWN_PROPERTY, "alias value " + position
                        + " has the property '" + key + "', which aliases do not have; expected only "
                        + new TreeSet<>(PROPERTIES));
            }
        }
        if (!value.has("name")) {
            throw new AliasException(AliasException.Kind.MISSING_NAME,
                    "alias value " + position + " has no 'name'; every alias needs one");
        }
        value.properties().forEach(field -> {
            if (!field.getValue().isTextual()) {
                throw invalid(position, field.getKey(), field.getValue().toString(), "a string");
            }
        });
        final String name = value.get("name").textValue();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw invalid(position, "name", name, "1 to " + MAX_NAME_LENGTH + " characters");
        }
        for (final String id : List.of("vendor_id", "product_id")) {
            optionalText(value, id).filter(text -> !HEX_ID.matcher(text).matches()).ifPresent(text -> {
                throw invalid(position, id, text, "exactly 4 hex digits such as '8086'");
            });
        }
        optionalText(value, "capability_type").filter(text -> !text.equals("pci")).ifPresent(text -> {
            throw invalid(position, "capability_type", text, "'pci'");
        });
        optionalText(value, "numa_policy").filter(text -> NumaPolicy.fromNovaName(text).isEmpty()).ifPresent(text -> {
            throw invalid(position, "numa_policy", text, "one of required, legacy, preferred, socket");
        });
        optionalText(value, "device_type").filter(text -> deviceType(text).isEmpty()).ifPresent(text -> {
            throw invalid(position, "device_type", text, "one of type-PCI, type-PF, type-VF");
        });
        optionalText(value, "live_migratable").filter(text -> NovaBoolean.strict(text).isEmpty()).ifPresent(text -> {
            throw invalid(position, "live_migratable", text, "one of " + NovaBoolean.ACCEPTED);
        });
    }

    private static AliasSpec spec(final JsonNode value, final int position) {
        return new AliasSpec(
                optionalText(value, "vendor_id"),
                optionalText(value, "product_id"),
                optionalText(value, "device_type").flatMap(AliasTable::deviceType),
                optionalText(value, "resource_class"),
                optionalText(value, "traits"),
                optionalText(value, "live_migratable").flatMap(NovaBoolean::strict),
                optionalText(value, "capability_type"));
    }

    private static void checkIds(final Map<String, PciAlias> aliases) {
        final Set<String> withoutIds = new TreeSet<>();
        aliases.values().forEach(alias -> alias.specs().stream()
                .filter(spec -> spec.vendorId().isEmpty() || spec.productId().isEmpty())
                .findAny()
                .ifPresent(spec -> withoutIds.add(alias.name())));
        if (!withoutIds.isEmpty()) {
            throw new AliasException(AliasException.Kind.MISSING_IDS, "the PCI alias(es) " + String.join(",", withoutIds)
                    + " do not have vendor_id and product_id fields set");
        }
    }

    private static Optional<String> optionalText(final JsonNode value, final String property) {
        return Optional.ofNullable(value.get(property)).map(JsonNode::textValue);
    }

    private static Optional<DevType> deviceType(final String text) {
        try {
            return Optional.of(DevType.fromNovaName(text));
        } catch (final IllegalArgumentException notADeviceType) {
            return Optional.empty();
        }
    }

    private static String typeName(final Optional<DevType> type) {
        return type.map(DevType::novaName).orElse("no device_type");
    }

    private static AliasException invalid(final int position, final String property, final String text,
            final String expected) {
        return new AliasException(AliasException.Kind.INVALID_PROPERTY,
                "alias value " + position + " has " + property + " '" + text + "'; expected " + expected);
    }
}
