/**
 * Which devices of a node are assignable, in which PCI group, with which tags: Nova's
 * {@code [pci] device_spec} read and matched exactly as nova-compute does, plus the PCI group
 * ({@code "name"}, or a {@link io.pciledger.agent.spec.DefaultGroup} of the device class), and Nova's
 * {@code [pci] alias} / {@code pci_passthrough:alias} turned into group requests.
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link io.pciledger.agent.spec.PciConfig#load(java.nio.file.Path)}: nova.conf
 *       ({@link io.pciledger.agent.spec.NovaConfReader}) or the agent's JSON file
 *       ({@link io.pciledger.agent.spec.AgentConfigReader}) into a device spec and aliases.</li>
 *   <li>{@link io.pciledger.agent.spec.DeviceSpecList#match(io.pciledger.agent.device.HostDevices)}: one
 *       host's devices into a {@link io.pciledger.agent.spec.GroupAssignment} (matched devices with group
 *       and tags, unmatched devices, assignable counts per group).</li>
 *   <li>{@link io.pciledger.agent.spec.AliasTable#groupRequests(String)}: a flavor's
 *       {@code pci_passthrough:alias} into {@link io.pciledger.agent.spec.GroupRequest}s.</li>
 * </ul>
 *
 * <p>Errors: {@link io.pciledger.agent.spec.DeviceSpecException} (the device spec is wrong; a
 * {@code kind()} per Nova check), {@link io.pciledger.agent.spec.AliasException} (an alias definition is
 * wrong), {@link io.pciledger.agent.spec.AliasRequestException} (a flavor's request is wrong),
 * {@link io.pciledger.agent.spec.ConfigFileException} (the file is not INI or JSON).
 */
package io.pciledger.agent.spec;
