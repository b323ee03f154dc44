package io.pciledger.ledger.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * One item of a claim: either {@code count} devices of a PCI group (generic passthrough, e.g. two GPUs of
 * group {@code gpu-a100}), or {@code count} ports of a vnic type, each backed by one device of a group (e.g. a
 * {@code direct} port on a VF of group {@code physnet-a}). A {@code normal} port takes no device, so its group
 * is ignored.
 *
 * <p>An item may wish for a NUMA node: {@code numaNode} with a {@code numaPolicy} (see {@link NumaAffinity}).
 *
 * <p>The record accepts anything the wire may carry; {@link RequestValidator} says what is wrong with it.
 *
 * @param group      the PCI group; null only for a {@code normal} port
 * @param count      how many devices (generic) or ports (port), at least 1
 * @param vnicType   the port's vnic type, or null for a generic passthrough item
 * @param numaNode   the NUMA node the instance wants the devices on, or null for no wish
 * @param numaPolicy how strict that wish is; null means Nova's default, {@code legacy}
 */
public record RequestItem(String group, int count, VnicType vnicType, Integer numaNode, NumaPolicy numaPolicy) {

    /** {@code count} devices of {@code group}, of any device type, no NUMA wish. */
    public static RequestItem devices(final String group, final int count) {
        return new RequestItem(group, count, null, null, null);
    }

    /** One port of {@code vnicType} backed by a device of {@code group}, no NUMA wish. */
    public static RequestItem port(final VnicType vnicType, final String group) {
        return new RequestItem(group, 1, Objects.requireNonNull(vnicType, "vnicType"), null, null);
    }

    /** One {@code normal} port: no device. */
    public static RequestItem normalPort() {
        return new RequestItem(null, 1, VnicType.NORMAL, null, null);
    }

    /** This item, wishing for NUMA node {@code node} with {@code policy}. */
    public RequestItem onNumaNode(final int node, final NumaPolicy policy) {
        return new RequestItem(group, count, vnicType, node, policy);
    }

    /** Whether this item is a port (rather than generic passthrough). */
    public boolean isPort() {
        return vnicType != null;
    }

    /** Whether this item takes devices: every item but a {@code normal} port. */
    public boolean takesDevices() {
        return !isPort() || vnicType.takes().isPresent();
    }

    /** The device type each unit of this item must be; empty for generic passthrough, which takes any type. */
    public Optional<DevType> requiredDevType() {
        return isPort() ? vnicType.takes() : Optional.empty();
    }
}
