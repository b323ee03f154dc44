package io.pciledger.agent.spec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the device spec and the aliases straight from an existing nova.conf, so that a node already
 * configured for Nova needs nothing else:
 *
 * <pre>
 *   [pci]
 *   device_spec = {"devname": "ens1f0", "physical_network": "physnet1"}
 *   device_spec = {"vendor_id": "10de", "product_id": "20b0",
 *     "name": "a100"}
 *   alias = {"name": "a100", "vendor_id": "10de", "product_id": "20b0"}
 * </pre>
 *
 * <p>The options are multi-valued, as in Nova: every {@code device_spec =} line adds a value (one JSON
 * object or list), every {@code alias =} line one alias; a value may continue on indented lines
 * ({@link IniFile} is oslo.config's INI dialect). The deprecated names are read too, and, as
 * oslo.config orders them, their values come <em>before</em> the current name's within a file:
 * <ol>
 *   <li>{@code [DEFAULT] pci_passthrough_whitelist}, then {@code [pci] passthrough_whitelist}, then
 *       {@code [pci] device_spec};</li>
 *   <li>{@code [DEFAULT] pci_alias}, then {@code [pci] alias}.</li>
 * </ol>
 * With several files (nova.conf, then e.g. nova-compute.conf) the values of each file follow those of
 * the files before it. The group name {@code pci} is matched case-insensitively, {@code DEFAULT} exactly.
 */
public final class NovaConfReader {

    private static final String DEFAULT = "DEFAULT";
    private static final String PCI = "pci";

    private NovaConfReader() {
    }

    /**
     * @param files nova.conf and any further config files, in the order Nova is given them
     * @throws IOException         when a file cannot be read
     * @throws ConfigFileException naming the file and line that is not valid INI
     * @throws DeviceSpecException when the device spec is wrong
     * @throws AliasException      when the aliases are wrong
     */
    public static PciConfig read(final Path... files) throws IOException {
        final List<IniFile> inis = new ArrayList<>();
        for (final Path file : files) {
            inis.add(IniFile.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
        }
        return fromIni(inis);
    }

    /** Reads the text of one nova.conf; {@code name} names it in errors. */
    public static PciConfig parse(final String text, final String name) {
        return fromIni(List.of(IniFile.parse(text, name)));
    }

    private static PciConfig fromIni(final List<IniFile> inis) {
        final List<String> deviceSpecs = new ArrayList<>();
        final List<String> aliases = new ArrayList<>();
        for (final IniFile ini : inis) {
            deviceSpecs.addAll(ini.values(DEFAULT, "pci_passthrough_whitelist"));
            deviceSpecs.addAll(pciValues(ini, "passthrough_whitelist"));
            deviceSpecs.addAll(pciValues(ini, "device_spec"));
            aliases.addAll(ini.values(DEFAULT, "pci_alias"));
            aliases.addAll(pciValues(ini, "alias"));
        }
        return new PciConfig(DeviceSpecList.parse(deviceSpecs), AliasTable.parse(aliases));
    }

    private static List<String> pciValues(final IniFile ini, final String key) {
        final List<String> values = new ArrayList<>();
        ini.sectionNames().stream()
                .filter(section -> !section.equals(DEFAULT) && section.toLowerCase(Locale.ROOT).equals(PCI))
                .forEach(section -> values.addAll(ini.values(section, key)));
        return values;
    }
}
