package io.pciledger.agent.sysfs;

/**
 * One entry of {@code bus/pci/devices} could not be read as a PCI function; the message says which
 * file and why. The scanner skips that entry and goes on with the rest of the host.
 */
final class UnreadableEntryException extends Exception {

    private static final long serialVersionUID = 1L;

    UnreadableEntryException(final String reason) {
        super(reason);
    }
}
