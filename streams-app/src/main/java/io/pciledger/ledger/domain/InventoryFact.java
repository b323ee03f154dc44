package io.pciledger.ledger.domain;

import java.util.List;
import java.util.Objects;

/**
 * What a node agent reports about its host (topic {@code pci.inventory}). Every fact is also a sign of life
 * (rule 8). {@link InventoryRules} turns a fact into the ledger events it means.
 */
public sealed interface InventoryFact {

    /** A device is present: new, or with changed attributes, or back after it vanished. */
    record DeviceDiscovered(Device device) implements InventoryFact {
        public DeviceDiscovered {
            Objects.requireNonNull(device, "device");
        }
    }

    /** A device the agent reported before is no longer on the host. */
    record DeviceVanished(String address) implements InventoryFact {
        public DeviceVanished {
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * The full list of assignable devices of the host, for resync: whatever the ledger holds that is not in
     * it has vanished.
     */
    record HostSnapshot(List<Device> devices) implements InventoryFact {
        public HostSnapshot {
            devices = List.copyOf(devices);
        }
    }

    /** The agent is alive; it sends this on every rescan. */
    record AgentHeartbeat(int deviceCount) implements InventoryFact {
    }
}
