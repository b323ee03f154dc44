package io.pciledger.agent.spec;

import io.pciledger.agent.device.DevType;
import java.util.Optional;

/**
 * The device properties one {@code [pci] alias} value asks for, besides its name and NUMA policy. Every
 * field is optional (empty when the value does not give it).
 *
 * @param vendorId       4 hex digits as configured
 * @param productId      4 hex digits as configured
 * @param deviceType     {@code device_type}: type-PCI, type-PF or type-VF
 * @param resourceClass  the Placement resource class
 * @param traits         comma-separated Placement traits, as configured
 * @param liveMigratable {@code live_migratable}, read as a boolean-like string
 * @param capabilityType {@code capability_type}, only ever {@code pci}
 */
public record AliasSpec(
        Optional<String> vendorId,
        Optional<String> productId,
        Optional<DevType> deviceType,
        Optional<String> resourceClass,
        Optional<String> traits,
        Optional<Boolean> liveMigratable,
        Optional<String> capabilityType) {
}
