package io.pciledger.ledger.avro;

import io.pciledger.ledger.domain.ClaimedDevice;
import io.pciledger.ledger.domain.DevType;
import io.pciledger.ledger.domain.Device;
import io.pciledger.ledger.domain.NumaPolicy;
import io.pciledger.ledger.domain.RejectReason;
import io.pciledger.ledger.domain.RequestItem;
import io.pciledger.ledger.domain.VnicType;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Avro records shared by several topics ({@code io.pciledger.schemas.common}) and their domain twins:
 * devices, claimed devices, request items and the enums. Enums map by symbol name: the domain's enums use the
 * Avro symbols, {@code UNKNOWN} included, so a symbol added to the schema but not yet to the domain reads as
 * {@code UNKNOWN} instead of failing.
 */
public final class CommonRecords {

    private CommonRecords() {
    }

    public static io.pciledger.schemas.common.Device toAvro(final Device device) {
        return new io.pciledger.schemas.common.Device(device.address(), device.vendorId(), device.productId(),
                device.classCode(), toAvro(device.devType()), device.parentAddr(), device.numaNode(),
                device.ifname(), device.driver(), device.group(), new TreeMap<>(device.tags()));
    }

    public static Device toDomain(final io.pciledger.schemas.common.Device device) {
        return new Device(device.getAddress(), device.getVendorId(), device.getProductId(), device.getClassCode(),
                toDomain(device.getDevType()), device.getParentAddr(), device.getNumaNode(), device.getIfname(),
                device.getDriver(), device.getGroup(), stringMap(device.getTags()));
    }

    public static io.pciledger.schemas.common.ClaimedDevice toAvro(final ClaimedDevice device) {
        return new io.pciledger.schemas.common.ClaimedDevice(device.address(), device.group(),
                toAvro(device.devType()), byName(device.vnicType(), io.pciledger.schemas.common.VnicType.class),
                device.numaNode(), device.parentAddr(), device.itemIndex());
    }

    public static ClaimedDevice toDomain(final io.pciledger.schemas.common.ClaimedDevice device) {
        return new ClaimedDevice(device.getAddress(), device.getGroup(), toDomain(device.getDevType()),
                byName(device.getVnicType(), VnicType.class), device.getNumaNode(), device.getParentAddr(),
                device.getItemIndex());
    }

    public static io.pciledger.schemas.common.RequestItem toAvro(final RequestItem item) {
        return new io.pciledger.schemas.common.RequestItem(item.group(), item.count(),
                byName(item.vnicType(), io.pciledger.schemas.common.VnicType.class), item.numaNode(),
                byName(item.numaPolicy(), io.pciledger.schemas.common.NumaPolicy.class));
    }

    public static RequestItem toDomain(final io.pciledger.schemas.common.RequestItem item) {
        return new RequestItem(item.getGroup(), item.getCount(), byName(item.getVnicType(), VnicType.class),
                item.getNumaNode(), byName(item.getNumaPolicy(), NumaPolicy.class));
    }

    public static List<io.pciledger.schemas.common.ClaimedDevice> claimedToAvro(final List<ClaimedDevice> devices) {
        return devices.stream().map(CommonRecords::toAvro).toList();
    }

    public static List<ClaimedDevice> claimedToDomain(
            final List<io.pciledger.schemas.common.ClaimedDevice> devices) {
        return devices.stream().map(CommonRecords::toDomain).toList();
    }

    public static io.pciledger.schemas.common.DevType toAvro(final DevType devType) {
        return byName(devType, io.pciledger.schemas.common.DevType.class);
    }

    public static DevType toDomain(final io.pciledger.schemas.common.DevType devType) {
        return byName(devType, DevType.class);
    }

    public static io.pciledger.schemas.common.RejectReason toAvro(final RejectReason reason) {
        return byName(reason, io.pciledger.schemas.common.RejectReason.class);
    }

    public static RejectReason toDomain(final io.pciledger.schemas.common.RejectReason reason) {
        return byName(reason, RejectReason.class);
    }

    /**
     * The constant of {@code type} named like {@code value}; null for null; {@code UNKNOWN} for a name
     * {@code type} does not have (every enum of the contract has an {@code UNKNOWN} symbol).
     */
    public static <E extends Enum<E>> E byName(final Enum<?> value, final Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.name());
        } catch (final IllegalArgumentException unknown) {
            return Enum.valueOf(type, "UNKNOWN");
        }
    }

    /** Avro may hand maps with {@code Utf8} keys or values when a reader schema lacks the string hint. */
    private static Map<String, String> stringMap(final Map<?, ?> map) {
        final Map<String, String> strings = new TreeMap<>();
        if (map != null) {
            map.forEach((key, value) -> strings.put(String.valueOf(key), value == null ? null : value.toString()));
        }
        return strings;
    }
}
