package io.pciledger.ledger.domain;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One PCI function on a host as its node agent reports it, with the PCI group and tags of the device spec
 * entry that matched it. The ledger compares reports of the same address by equality of this value: a report
 * equal to what the ledger holds is no news.
 *
 * <p>Example: the VF {@code 0000:3b:02.1} of the PF {@code 0000:3b:00.0}, on NUMA node 0, in group
 * {@code physnet-a} with tag {@code physical_network=physnet-a}.
 *
 * @param address    {@code dddd:bb:ss.f}, lower-case hex; canonical, so ordering addresses as text orders
 *                   them as numbers
 * @param vendorId   4 lower-case hex digits
 * @param productId  4 lower-case hex digits
 * @param classCode  6 lower-case hex digits of the PCI class
 * @param devType    PCI, PF or VF
 * @param parentAddr for a VF: the address of its PF; otherwise null
 * @param numaNode   the NUMA node the device is attached to, or null when the platform does not say
 * @param ifname     the network interface name, or null
 * @param driver     the bound driver, or null
 * @param group      the PCI group
 * @param tags       the other keys of the matching spec entry, e.g. {@code physical_network}; kept sorted
 */
public record Device(
        String address,
        String vendorId,
        String productId,
        String classCode,
        DevType devType,
        String parentAddr,
        Integer numaNode,
        String ifname,
        String driver,
        String group,
        Map<String, String> tags) {

    public Device {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(devType, "devType");
        Objects.requireNonNull(group, "group of device " + address);
        tags = tags == null ? Map.of() : Collections.unmodifiableSortedMap(new TreeMap<>(tags));
    }

    /** This device in another PCI group (the agent's spec changed). */
    public Device withGroup(final String newGroup) {
        return new Device(address, vendorId, productId, classCode, devType, parentAddr, numaNode, ifname, driver,
                newGroup, tags);
    }

    /** This device attached to another NUMA node, or to none ({@code null}). */
    public Device withNumaNode(final Integer newNumaNode) {
        return new Device(address, vendorId, productId, classCode, devType, parentAddr, newNumaNode, ifname, driver,
                group, tags);
    }
}
