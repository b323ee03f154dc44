package io.pciledger.agent.publish;

/**
 * What an agent sees on its host right now: the assignable devices, each with the PCI group and
 * tags of the device spec entry that matched it. Reading sysfs and applying the spec hide behind it.
 */
@FunctionalInterface
public interface InventorySource {

    /**
     * @throws RuntimeException when the host cannot be scanned this time; the agent retries at the next rescan
     */
    ScannedInventory scan();
}
