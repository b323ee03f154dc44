package io.pciledger.agent.spec;

import io.pciledger.agent.device.DevType;
import java.util.List;
import java.util.Optional;

/**
 * A named PCI device requirement from {@code [pci] alias}, which a flavor asks for with
 * {@code pci_passthrough:alias = <name>:<count>}. Several values with the same name are ORed: they must
 * agree on {@code numa_policy} and {@code device_type}, and each adds a {@link AliasSpec}.
 *
 * <pre>
 *   [pci]
 *   alias = {"name": "QuickAssist", "vendor_id": "8086", "product_id": "0443", "device_type": "type-PCI",
 *            "numa_policy": "required"}
 *   alias = {"name": "QuickAssist", "vendor_id": "8086", "product_id": "0442", "device_type": "type-PCI",
 *            "numa_policy": "required"}
 * </pre>
 *
 * In PCI Ledger an alias resolves to the PCI group of the same name ({@link AliasTable#groupRequests}).
 *
 * @param name       the alias name, stripped of surrounding blanks
 * @param numaPolicy the NUMA policy, {@code legacy} when not given
 * @param deviceType the device type all its values give, or empty when they give none
 * @param specs      one per configured value, in order
 */
public record PciAlias(String name, NumaPolicy numaPolicy, Optional<DevType> deviceType, List<AliasSpec> specs) {

    public PciAlias {
        specs = List.copyOf(specs);
    }
}
