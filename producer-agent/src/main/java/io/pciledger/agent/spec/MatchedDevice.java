package io.pciledger.agent.spec;

import io.pciledger.agent.device.PciDevice;
import java.util.Map;
import java.util.Objects;

/**
 * A device the device spec made assignable: which entry matched it first, the PCI group it is in and
 * the tags that entry attaches.
 *
 * @param device    the device as discovered
 * @param specIndex the 0-based index of the first matching device spec entry
 * @param group     the PCI group: the entry's {@code name} or the device's {@link DefaultGroup}
 * @param tags      the entry's tags, by name ({@code physical_network}, {@code trusted}, ...)
 */
public record MatchedDevice(PciDevice device, int specIndex, String group, Map<String, String> tags) {

    public MatchedDevice {
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(group, "group");
        tags = Map.copyOf(tags);
    }
}
