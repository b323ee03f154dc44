package io.pciledger.ledger.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rule 2, PF/VF exclusivity, over one host's devices: a VF is unavailable while its PF is taken, and a PF is
 * unavailable while any of its VFs is taken. "Taken" means held by a claim (claimed, or lost and not yet given
 * up) or picked by the allocation in progress. Nothing is stored: releasing a VF restores its PF exactly when
 * no sibling is still taken, because availability is recomputed from what is held.
 *
 * <p>The relation is read from {@link Device#parentAddr()}: a PF whose VFs are not assignable (not in the
 * ledger) blocks nothing, and a VF whose PF is not in the ledger is never blocked.
 */
final class PfVfExclusivity {

    private final Map<String, LedgerDevice> devices = new HashMap<>();
    private final Map<String, List<String>> childrenByParent = new HashMap<>();
    private final Set<String> taken = new HashSet<>();
    /** How many of each PF's VFs are taken, so that whether a PF is blocked is one lookup, not a walk of its VFs. */
    private final Map<String, Integer> takenChildren = new HashMap<>();

    private PfVfExclusivity(final HostLedger ledger) {
        for (final LedgerDevice device : ledger.devices()) {
            devices.put(device.address(), device);
            if (device.isHeld()) {
                markTaken(device);
            }
            final String parent = device.device().parentAddr();
            if (parent != null) {
                childrenByParent.computeIfAbsent(parent, key -> new ArrayList<>()).add(device.address());
            }
        }
    }

    /** The exclusivity of the ledger's devices as they are held now. */
    static PfVfExclusivity of(final HostLedger ledger) {
        return new PfVfExclusivity(ledger);
    }

    /** Whether a device is blocked by a taken parent PF, or by a taken child VF. */
    boolean isBlocked(final String address) {
        final LedgerDevice device = devices.get(address);
        final String parent = device == null ? null : device.device().parentAddr();
        return (parent != null && taken.contains(parent)) || takenChildren.getOrDefault(address, 0) > 0;
    }

    /** Whether a device could be picked now: free in the ledger, not picked yet, and not blocked. */
    boolean isAvailable(final String address) {
        final LedgerDevice device = devices.get(address);
        return device != null && device.status() == DeviceStatus.FREE && !taken.contains(address)
                && !isBlocked(address);
    }

    /**
     * How many devices that are available now would become unavailable if {@code address} were picked: its
     * PF, if still whole, and its VFs, if it is a PF. What the allocator keeps low.
     */
    int blockCost(final String address) {
        final String parent = devices.get(address).device().parentAddr();
        int cost = parent != null && isAvailable(parent) ? 1 : 0;
        for (final String child : childrenOf(address)) {
            if (isAvailable(child)) {
                cost++;
            }
        }
        return cost;
    }

    /** Marks a device of the ledger picked by the allocation in progress. */
    void take(final String address) {
        markTaken(devices.get(address));
    }

    private void markTaken(final LedgerDevice device) {
        if (taken.add(device.address()) && device.device().parentAddr() != null) {
            takenChildren.merge(device.device().parentAddr(), 1, Integer::sum);
        }
    }

    private List<String> childrenOf(final String address) {
        return childrenByParent.getOrDefault(address, List.of());
    }
}
