package io.pciledger.agent.publish;

import io.pciledger.schemas.common.Device;
import java.util.List;
import java.util.Set;

/**
 * One look at a host: the assignable devices seen, and the addresses that could not be read this
 * time. An unreadable device is not a removed one: the agent keeps reporting it as it last did,
 * because a false removal would make the ledger record a claimed device as lost.
 *
 * @param devices             the devices read, each with its group and tags
 * @param unreadableAddresses addresses whose sysfs entry was present but unreadable
 */
public record ScannedInventory(List<Device> devices, Set<String> unreadableAddresses) {

    public ScannedInventory {
        devices = List.copyOf(devices);
        unreadableAddresses = Set.copyOf(unreadableAddresses);
    }

    public static ScannedInventory of(final List<Device> devices) {
        return new ScannedInventory(devices, Set.of());
    }
}
