package io.pciledger.agent.spec;

import com.fasterxml.jackson.databind.JsonNode;
import io.pciledger.agent.device.HostDevices;
import io.pciledger.agent.device.PciAddress;
import io.pciledger.agent.device.PciDevice;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One entry of the device spec ({@code [pci] device_spec}, formerly {@code passthrough_whitelist}):
 * a matcher that makes the devices it matches assignable, puts them in a PCI group and tags them.
 *
 * <pre>
 *   [pci]
 *   device_spec = {"vendor_id": "8086", "product_id": "154c", "address": "*:0a:*.*",
 *                  "physical_network": "physnet1", "name": "sriov-physnet1"}
 *   device_spec = {"devname": "enp59s0f0", "physical_network": "physnet2", "trusted": "true"}
 *   device_spec = {"vendor_id": "10de", "address": {"bus": "8[0-3]"}}
 * </pre>
 *
 * <p>An entry matches a device when all of these hold (a missing key matches anything):
 * <ul>
 *   <li>{@code vendor_id}, {@code product_id}: hex numbers up to {@code ffff} ({@code "*"} means any),
 *       compared as 4 lower-case hex digits.</li>
 *   <li>{@code address}: a glob string ({@link AddressGlob}) or an object of regular expressions
 *       ({@link AddressRegex}).</li>
 *   <li>{@code devname}: a network interface of the host; the entry stands for the interface's PCI
 *       function. It cannot be combined with {@code address}; an interface the host does not have makes
 *       the entry match nothing.</li>
 *   <li>When the address (or devname) names exactly one function and that function is an SR-IOV
 *       physical function on the host, the entry matches the PF <em>and every VF whose parent it is</em>.
 *       A glob or an address that is not a PF matches only the addresses it covers.</li>
 * </ul>
 *
 * <p>{@code name} is the PCI group of the matched devices ({@link GroupName}); an entry without it
 * puts each device in the {@link DefaultGroup} of its PCI class ({@code default-network},
 * {@code default-gpu}, {@code default-storage}, {@code default-accelerator}, {@code default-other}).
 * Every other key is a tag attached to the matched devices ({@code physical_network}, {@code trusted},
 * {@code remote_managed}, ...); a string tag keeps its text, any other value its compact JSON text, and a
 * {@code null} tag is the same as no tag.
 *
 * <p>{@code remote_managed} (true or false, as {@link NovaBoolean} reads it) is checked against the
 * host as Nova does at start-up: such an entry must not match a physical function itself, and with
 * {@code devname} the interface must exist ({@link #checkOn(HostDevices)}).
 */
public final class DeviceSpec {

    private static final String ANY = "*";
    private static final String VENDOR_ID = "vendor_id";
    private static final String PRODUCT_ID = "product_id";
    private static final String DEVNAME = "devname";
    private static final String ADDRESS = "address";
    private static final String NAME = "name";
    private static final String REMOTE_MANAGED = "remote_managed";
    private static final int MAX_ID = 0xFFFF;

    private final int index;
    private final String vendorId;
    private final String productId;
    private final String devname;
    private final AddressPattern address;
    private final String group;
    private final Map<String, String> tags;
    private final boolean remoteManaged;

    private DeviceSpec(final int index, final String vendorId, final String productId, final String devname,
            final AddressPattern address, final String group, final Map<String, String> tags,
            final boolean remoteManaged) {
        this.index = index;
        this.vendorId = vendorId;
        this.productId = productId;
        this.devname = devname;
        this.address = address;
        this.group = group;
        this.tags = tags;
        this.remoteManaged = remoteManaged;
    }

    /**
     * Reads one entry, validating what can be validated without the host.
     *
     * @param index the entry's 0-based position in the whole device spec, named in errors
     * @param entry a JSON object
     * @throws DeviceSpecException naming the entry and what is wrong in it
     */
    public static DeviceSpec fromJson(final int index, final JsonNode entry) {
        try {
            return read(index, entry);
        } catch (final DeviceSpecException e) {
            throw e.atEntry(index);
        }
    }

    private static DeviceSpec read(final int index, final JsonNode entry) {
        final String vendorId = hexId(VENDOR_ID, entry.get(VENDOR_ID), true);
        final String productId = hexId(PRODUCT_ID, entry.get(PRODUCT_ID), false);
        final JsonNode devnameValue = entry.get(DEVNAME);
        final JsonNode addressValue = entry.get(ADDRESS);
        final boolean hasDevname = devnameValue != null && !AddressPattern.isPythonFalse(devnameValue);
        if (hasDevname && addressValue != null && !AddressPattern.isPythonFalse(addressValue)) {
            throw new DeviceSpecException(DeviceSpecException.Kind.DEVNAME_WITH_ADDRESS,
                    "both devname " + devnameValue + " and address " + addressValue
                            + " are given; an entry names its devices by devname or by address, not both");
        }
        if (hasDevname && !devnameValue.isTextual()) {
            throw new DeviceSpecException(DeviceSpecException.Kind.INVALID_DEVNAME,
                    "devname " + devnameValue + " is not a string; expected an interface name such as \"eth0\"");
        }
        final String devname = hasDevname ? devnameValue.textValue() : null;
        final AddressPattern address = hasDevname ? null : AddressPattern.fromJson(addressValue);
        return new DeviceSpec(index, vendorId, productId, devname, address, groupName(entry.get(NAME)),
                tags(entry), NovaBoolean.isTrue(entry.get(REMOTE_MANAGED)));
    }

    /** The entry's 0-based position in the device spec. */
    public int index() {
        return index;
    }

    /** The PCI group named by the entry's {@code name}, if it has one. */
    public Optional<String> name() {
        return Optional.ofNullable(group);
    }

    /** The tags this entry attaches to matched devices, by tag name. */
    public Map<String, String> tags() {
        return tags;
    }

    /** The group a device matched by this entry belongs to: {@code name}, or the device class's default group. */
    public String groupFor(final PciDevice device) {
        return group != null ? group : DefaultGroup.forClassCode(device.classCode()).groupName();
    }

    public boolean matches(final PciDevice device, final HostDevices host) {
        return mismatch(device, host).isEmpty();
    }

    /**
     * Why this entry does not match {@code device}, in words for an operator (the first condition that
     * fails); empty when it matches.
     */
    public Optional<String> mismatch(final PciDevice device, final HostDevices host) {
        if (vendorId != null && !vendorId.equals(device.vendorId())) {
            return Optional.of("vendor_id " + device.vendorId() + " is not " + vendorId);
        }
        if (productId != null && !productId.equals(device.productId())) {
            return Optional.of("product_id " + device.productId() + " is not " + productId);
        }
        final Optional<AddressPattern> pattern = addressOn(host);
        if (pattern.isEmpty()) {
            return Optional.of("devname " + devname + " is not a network interface of this host");
        }
        final Optional<PciAddress> physicalFunction = physicalFunction(pattern.get(), host);
        if (physicalFunction.isPresent() && device.parent().filter(pattern.get()::matches).isPresent()) {
            return Optional.empty();
        }
        if (pattern.get().matches(device.address())) {
            return Optional.empty();
        }
        final String covered = physicalFunction
                .map(pf -> "the physical function " + pf + " or one of its VFs")
                .orElse(describe(pattern.get()));
        return Optional.of("address " + device.address() + " is not " + covered);
    }

    /**
     * The checks Nova makes against the host when it reads the spec: a {@code remote_managed} entry
     * must name an interface the host has (with {@code devname}), and must not match a physical
     * function itself, only its VFs (by giving the VFs' {@code product_id}).
     *
     * @throws DeviceSpecException {@code remote_managed_not_present}, {@code remote_managed_pf} or
     *         {@code remote_managed_vf_mismatch}, naming the entry
     */
    public void checkOn(final HostDevices host) {
        if (!remoteManaged) {
            return;
        }
        final Optional<AddressPattern> pattern = addressOn(host);
        if (pattern.isEmpty()) {
            throw new DeviceSpecException(DeviceSpecException.Kind.REMOTE_MANAGED_NOT_PRESENT,
                    "remote_managed is true but devname " + devname + " is not a network interface of this host")
                    .atEntry(index);
        }
        physicalFunction(pattern.get(), host)
                .flatMap(host::find)
                .ifPresent(pf -> checkRemoteManagedPf(pf, host));
    }

    private void checkRemoteManagedPf(final PciDevice pf, final HostDevices host) {
        final Optional<String> vfProductId = host.devices().stream()
                .filter(device -> device.parent().filter(pf.address()::equals).isPresent())
                .map(PciDevice::productId)
                .findFirst();
        final boolean vendorFits = vendorId == null || vendorId.equals(pf.vendorId());
        if (vendorFits && productId != null && vfProductId.filter(productId::equals).isPresent()) {
            return;
        }
        if (vendorFits && (productId == null || productId.equals(pf.productId()))) {
            throw new DeviceSpecException(DeviceSpecException.Kind.REMOTE_MANAGED_PF,
                    "remote_managed is true but the entry matches the physical function " + pf.address()
                            + " itself (vendor_id " + pf.vendorId() + ", product_id " + pf.productId()
                            + "); remote-managed PFs are not supported: give the product_id of its VFs"
                            + vfProductId.map(id -> " (" + id + ")").orElse(""))
                    .atEntry(index);
        }
        if (vfProductId.isPresent()) {
            throw new DeviceSpecException(DeviceSpecException.Kind.REMOTE_MANAGED_VF_MISMATCH,
                    "remote_managed is true but vendor_id " + orAny(vendorId) + " and product_id " + orAny(productId)
                            + " are not the ids of the VFs of the physical function " + pf.address()
                            + " (vendor_id " + pf.vendorId() + ", product_id " + vfProductId.get() + ")")
                    .atEntry(index);
        }
    }

    /** The address pattern on this host: the configured one, or the interface's function for devname. */
    private Optional<AddressPattern> addressOn(final HostDevices host) {
        if (devname == null) {
            return Optional.of(address);
        }
        return host.addressOfInterface(devname).map(AddressGlob::of);
    }

    private static Optional<PciAddress> physicalFunction(final AddressPattern pattern, final HostDevices host) {
        return pattern.singleAddress().filter(host::isPhysicalFunction);
    }

    private static String describe(final AddressPattern pattern) {
        return pattern instanceof AddressGlob ? "covered by " + pattern : "matched by " + pattern;
    }

    private static String orAny(final String id) {
        return id == null ? ANY : id;
    }

    /**
     * vendor_id and product_id as Nova reads them: a string, {@code "*"} for any (vendor_id is
     * stripped first, product_id is not), else a hex number printed back as 4 lower-case digits.
     */
    private static String hexId(final String property, final JsonNode value, final boolean stripFirst) {
        if (value == null) {
            return null;
        }
        if (!value.isTextual()) {
            throw new DeviceSpecException(DeviceSpecException.Kind.INVALID_HEX,
                    "property " + property + " (" + value + ") is not a string; expected hex digits in quotes"
                            + " such as \"8086\", or \"*\"");
        }
        final String text = stripFirst ? value.textValue().strip() : value.textValue();
        if (ANY.equals(text)) {
            return null;
        }
        return String.format(Locale.ROOT, "%04x", HexNumber.parse(property, text, MAX_ID));
    }

    private static String groupName(final JsonNode name) {
        if (name == null) {
            return null;
        }
        if (!name.isTextual() || !GroupName.isValid(name.textValue())) {
            throw new DeviceSpecException(DeviceSpecException.Kind.INVALID_GROUP_NAME,
                    "name " + name + " is not a valid PCI group name; expected " + GroupName.rule());
        }
        return name.textValue();
    }

    private static Map<String, String> tags(final JsonNode entry) {
        final Map<String, String> tags = new TreeMap<>();
        for (final Map.Entry<String, JsonNode> field : entry.properties()) {
            final String key = field.getKey();
            final JsonNode value = field.getValue();
            final boolean matcherKey = key.equals(VENDOR_ID) || key.equals(PRODUCT_ID) || key.equals(DEVNAME)
                    || key.equals(ADDRESS) || key.equals(NAME);
            if (!matcherKey && !value.isNull()) {
                tags.put(key, value.isTextual() ? value.textValue() : value.toString());
            }
        }
        return Collections.unmodifiableMap(tags);
    }

    @Override
    public String toString() {
        return "device_spec entry " + index;
    }
}
