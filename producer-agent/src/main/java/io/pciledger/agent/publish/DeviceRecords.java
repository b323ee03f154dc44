package io.pciledger.agent.publish;

import io.pciledger.agent.device.PciAddress;
import io.pciledger.agent.device.PciDevice;
import io.pciledger.agent.spec.MatchedDevice;
import io.pciledger.schemas.common.DevType;
import io.pciledger.schemas.common.Device;
import java.util.TreeMap;

/** Turns a device the spec matched into the {@link Device} record the agent publishes. */
public final class DeviceRecords {

    private DeviceRecords() {
    }

    public static Device from(final MatchedDevice match) {
        final PciDevice device = match.device();
        return Device.newBuilder()
                .setAddress(device.address().toString())
                .setVendorId(device.vendorId())
                .setProductId(device.productId())
                .setClassCode(device.classCode())
                .setDevType(devType(device.devType()))
                .setParentAddr(device.parent().map(PciAddress::toString).orElse(null))
                .setNumaNode(device.numaNode())
                .setIfname(device.ifname())
                .setDriver(device.driver())
                .setGroup(match.group())
                .setTags(new TreeMap<>(match.tags()))
                .build();
    }

    static DevType devType(final io.pciledger.agent.device.DevType type) {
        return switch (type) {
            case TYPE_PCI -> DevType.TYPE_PCI;
            case TYPE_PF -> DevType.TYPE_PF;
            case TYPE_VF -> DevType.TYPE_VF;
        };
    }
}
