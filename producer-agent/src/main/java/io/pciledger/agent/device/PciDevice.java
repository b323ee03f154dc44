package io.pciledger.agent.device;

import java.util.Objects;
import java.util.Optional;

/**
 * One PCI function as the node agent found it on its host, before any device spec is applied.
 *
 * @param address    the function's address on the host
 * @param vendorId   4 lower-case hex digits, e.g. {@code 8086}
 * @param productId  4 lower-case hex digits, e.g. {@code 154c}
 * @param classCode  6 lower-case hex digits of the PCI class, e.g. {@code 020000} for an Ethernet controller
 * @param devType    plain device, SR-IOV physical function or virtual function
 * @param parentAddress for a VF, the address of its PF; otherwise {@code null}
 * @param numaNode   the NUMA node the device is attached to, or {@code null} when the platform does not say
 * @param ifname     the network interface name, when the device has one
 * @param driver     the bound kernel driver, when one is bound
 */
public record PciDevice(
        PciAddress address,
        String vendorId,
        String productId,
        String classCode,
        DevType devType,
        PciAddress parentAddress,
        Integer numaNode,
        String ifname,
        String driver) {

    public PciDevice {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(vendorId, "vendorId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(classCode, "classCode");
        Objects.requireNonNull(devType, "devType");
        if (devType == DevType.TYPE_VF && parentAddress == null) {
            throw new IllegalArgumentException("VF " + address + " has no parent PF address");
        }
    }

    public Optional<PciAddress> parent() {
        return Optional.ofNullable(parentAddress);
    }

    public Optional<Integer> numa() {
        return Optional.ofNullable(numaNode);
    }

    public Optional<String> interfaceName() {
        return Optional.ofNullable(ifname);
    }
}
