package io.pciledger.cli;

import io.pciledger.agent.node.ReloadingPciConfig;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Opens a PCI config file for a command; an unreadable or invalid one is a usage error (exit code 2). */
final class PciConfigs {

    private PciConfigs() {
    }

    static ReloadingPciConfig open(final Path file, final CommandLine commandLine) {
        try {
            return ReloadingPciConfig.open(file);
        } catch (IOException e) {
            throw new ParameterException(commandLine, "cannot read --pci-config " + file + ": " + e.getMessage());
        } catch (RuntimeException e) {
            throw new ParameterException(commandLine, "invalid PCI config " + file + ": " + e.getMessage());
        }
    }
}
