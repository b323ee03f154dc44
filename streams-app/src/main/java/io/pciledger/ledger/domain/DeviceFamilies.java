package io.pciledger.ledger.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which device of a host is whose parent PF and whose child VFs, as {@link Device#parentAddr()} says. It changes
 * only when devices are added, updated or removed, not when they are claimed or released, so a {@link HostLedger}
 * keeps it between such changes and {@link PfVfExclusivity} does not rebuild it for every claim.
 */
final class DeviceFamilies {

    private final Map<String, String> parents = new HashMap<>();
    private final Map<String, List<String>> children = new HashMap<>();

    private DeviceFamilies(final Collection<LedgerDevice> devices) {
        for (final LedgerDevice device : devices) {
            final String parent = device.device().parentAddr();
            if (parent != null) {
                parents.put(device.address(), parent);
                children.computeIfAbsent(parent, key -> new ArrayList<>()).add(device.address());
            }
        }
        children.replaceAll((parent, addresses) -> List.copyOf(addresses));
    }

    static DeviceFamilies of(final Collection<LedgerDevice> devices) {
        return new DeviceFamilies(devices);
    }

    /** The parent PF's address of the device at {@code address}, or null: none, or no such device. */
    String parentOf(final String address) {
        return parents.get(address);
    }

    /** The addresses of the devices whose parent is {@code address}, in the ledger's address order. */
    List<String> childrenOf(final String address) {
        return children.getOrDefault(address, List.of());
    }
}
