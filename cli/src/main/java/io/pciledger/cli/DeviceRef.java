package io.pciledger.cli;

import io.pciledger.agent.device.PciAddress;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A device named on the command line as {@code HOST/ADDRESS}, e.g. {@code compute-1/0000:3b:02.1}; the address is
 * kept in the canonical lower-case form the ledger uses.
 *
 * @param host    the host name
 * @param address the PCI address, canonical
 */
public record DeviceRef(String host, String address) {

    /** Parses {@code HOST/ADDRESS}. */
    public static final class Converter implements ITypeConverter<DeviceRef> {

        @Override
        public DeviceRef convert(final String value) {
            final int slash = value.lastIndexOf('/');
            if (slash <= 0 || slash == value.length() - 1) {
                throw new TypeConversionException("'" + value + "' is not a device: write HOST/ADDRESS, e.g. "
                        + "compute-1/0000:3b:02.1");
            }
            try {
                return new DeviceRef(value.substring(0, slash), PciAddress.parse(value.substring(slash + 1))
                        .toString());
            } catch (final IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not a device: " + e.getMessage());
            }
        }
    }
}
