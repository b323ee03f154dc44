package io.pciledger.agent.spec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;

/**
 * The PCI configuration of a node: its device spec and the aliases it knows. It comes either from an
 * existing nova.conf ({@link NovaConfReader}) or from the agent's own JSON file ({@link AgentConfigReader}).
 *
 * @param deviceSpecs which devices are assignable, and in which group
 * @param aliases     the {@code [pci] alias} definitions, for Nova-style requests
 */
public record PciConfig(DeviceSpecList deviceSpecs, AliasTable aliases) {

    public PciConfig {
        Objects.requireNonNull(deviceSpecs, "deviceSpecs");
        Objects.requireNonNull(aliases, "aliases");
    }

    /**
     * Reads a configuration file by its name: a file ending in {@code .json} is the agent's own file,
     * anything else (e.g. {@code /etc/nova/nova.conf}) is read as nova.conf.
     *
     * @throws IOException         when the file cannot be read
     * @throws ConfigFileException when it is not valid INI or JSON
     * @throws DeviceSpecException when its device spec is wrong
     * @throws AliasException      when its aliases are wrong
     */
    public static PciConfig load(final Path file) throws IOException {
        if (file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            return AgentConfigReader.read(file);
        }
        return NovaConfReader.read(file);
    }
}
