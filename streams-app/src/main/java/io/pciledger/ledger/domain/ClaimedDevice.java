package io.pciledger.ledger.domain;

/**
 * One device granted to a claim, and the request item it satisfies: what an instance is told it got.
 *
 * @param address    the device's address on the claim's host
 * @param group      its PCI group when it was granted
 * @param devType    PCI, PF or VF
 * @param vnicType   the port's vnic type when the item was a port, otherwise null
 * @param numaNode   its NUMA node, or null when unknown
 * @param parentAddr for a VF: its PF, otherwise null
 * @param itemIndex  the index, in the claim's request, of the item this device satisfies
 */
public record ClaimedDevice(
        String address,
        String group,
        DevType devType,
        VnicType vnicType,
        Integer numaNode,
        String parentAddr,
        int itemIndex) {

    /** The device {@code device}, granted for item {@code itemIndex} of a request. */
    public static ClaimedDevice of(final Device device, final RequestItem item, final int itemIndex) {
        return new ClaimedDevice(device.address(), device.group(), device.devType(), item.vnicType(),
                device.numaNode(), device.parentAddr(), itemIndex);
    }
}
