package io.pciledger.agent.device;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything discovery found on one host: its PCI functions in address order, and which network
 * interface belongs to which function. Device spec matching needs both: {@code devname} resolves
 * through the interfaces, and a spec naming a physical function also matches the VFs listed here.
 */
public final class HostDevices {

    private final Map<PciAddress, PciDevice> devicesByAddress;
    private final Map<String, PciAddress> interfaces;

    public HostDevices(final List<PciDevice> devices, final Map<String, PciAddress> interfaces) {
        final Map<PciAddress, PciDevice> byAddress = new LinkedHashMap<>();
        devices.stream()
                .sorted((a, b) -> a.address().compareTo(b.address()))
                .forEach(device -> {
                    if (byAddress.put(device.address(), device) != null) {
                        throw new IllegalArgumentException("device " + device.address() + " is listed twice");
                    }
                });
        this.devicesByAddress = Collections.unmodifiableMap(byAddress);
        this.interfaces = Map.copyOf(interfaces);
    }

    public static HostDevices of(final List<PciDevice> devices) {
        final Map<String, PciAddress> interfaces = new LinkedHashMap<>();
        devices.forEach(device -> device.interfaceName().ifPresent(name -> interfaces.put(name, device.address())));
        return new HostDevices(devices, interfaces);
    }

    /** All devices, sorted by address. */
    public List<PciDevice> devices() {
        return List.copyOf(devicesByAddress.values());
    }

    public Optional<PciDevice> find(final PciAddress address) {
        return Optional.ofNullable(devicesByAddress.get(address));
    }

    public boolean isPhysicalFunction(final PciAddress address) {
        return find(address).map(device -> device.devType() == DevType.TYPE_PF).orElse(false);
    }

    /** The PCI address of a network interface, if the host has an interface of that name. */
    public Optional<PciAddress> addressOfInterface(final String ifname) {
        return Optional.ofNullable(interfaces.get(ifname));
    }

    public Map<String, PciAddress> interfaces() {
        return interfaces;
    }

    public int size() {
        return devicesByAddress.size();
    }
}
