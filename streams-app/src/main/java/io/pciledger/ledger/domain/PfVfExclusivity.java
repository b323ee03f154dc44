package io.pciledger.ledger.domain;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Rule 2, PF/VF exclusivity, over one host's devices: a VF is unavailable while its PF is taken, and a PF is
 * unavailable while any of its VFs is taken. "Taken" means held by a claim (claimed, or lost and not yet given
 * up) or picked by the allocation in progress. What is taken is not stored: releasing a VF restores its PF exactly
 * when no sibling is still taken, because availability is recomputed from what is held.
 *
 * <p>The relation is read from {@link Device#parentAddr()}, through the ledger's {@link DeviceFamilies}: a PF whose
 * VFs are not assignable (not in the ledger) blocks nothing, and a VF whose PF is not in the ledger is never blocked.
 */
final class PfVfExclusivity {

    private final HostLedger ledger;
    private final DeviceFamilies families;
    private final Set<String> taken = new HashSet<>();
    /** How many of each PF's VFs are taken, so that whether a PF is blocked is one lookup, not a walk of its VFs. */
    private final Map<String, Integer> takenChildren = new HashMap<>();

    private PfVfExclusivity(final HostLedger ledger) {
        this.ledger = ledger;
        this.families = ledger.families();
        for (final LedgerDevice device : ledger.devices()) {
            if (device.isHeld()) {
                take(device.address());
            }
        }
    }

    /** The exclusivity of the ledger's devices as they are held now. */
    static PfVfExclusivity of(final HostLedger ledger) {
        return new PfVfExclusivity(ledger);
    }

    /** Whether a device is blocked by a taken parent PF, or by a taken child VF. */
    boolean isBlocked(final String address) {
        final String parent = families.parentOf(address);
        return (parent != null && taken.contains(parent)) || takenChildren.getOrDefault(address, 0) > 0;
    }

    /** Whether a device could be picked now: free in the ledger, not picked yet, and not blocked. */
    boolean isAvailable(final String address) {
        final LedgerDevice device = ledger.device(address).orElse(null);
        return device != null && device.status() == DeviceStatus.FREE && !taken.contains(address)
                && !isBlocked(address);
    }

    /**
     * How many devices that are available now would become unavailable if {@code address} were picked: its
     * PF, if still whole, and its VFs, if it is a PF. What the allocator keeps low.
     */
    int blockCost(final String address) {
        final String parent = families.parentOf(address);
        int cost = parent != null && isAvailable(parent) ? 1 : 0;
        for (final String child : families.childrenOf(address)) {
            if (isAvailable(child)) {
                cost++;
            }
        }
        return cost;
    }

    /** Marks a device of the ledger taken: held, or picked by the allocation in progress. */
    void take(final String address) {
        if (taken.add(address)) {
            final String parent = families.parentOf(address);
            if (parent != null) {
                takenChildren.merge(parent, 1, Integer::sum);
            }
        }
    }
}
