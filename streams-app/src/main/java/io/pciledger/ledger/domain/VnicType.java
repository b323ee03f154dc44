package io.pciledger.ledger.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * How a port is attached to an instance, as Neutron's {@code binding:vnic_type} says: {@code normal} takes no
 * device; {@code direct}, {@code macvtap}, {@code virtio-forwarder}, {@code vdpa} and {@code remote-managed} each
 * take one VF; {@code direct-physical} takes one whole PF.
 *
 * <p>Whether a vnic type blocks live migration is {@link LiveMigrationRule}'s business, not this type's.
 * {@link #UNKNOWN} is what a reader gets for a symbol it does not know; a claim carrying it is invalid.
 */
public enum VnicType {
    UNKNOWN,
    NORMAL,
    DIRECT,
    MACVTAP,
    DIRECT_PHYSICAL,
    VIRTIO_FORWARDER,
    VDPA,
    REMOTE_MANAGED;

    /** The type of device one port of this kind takes, or empty for {@code normal} (and {@code UNKNOWN}). */
    public Optional<DevType> takes() {
        return switch (this) {
            case DIRECT, MACVTAP, VIRTIO_FORWARDER, VDPA, REMOTE_MANAGED -> Optional.of(DevType.TYPE_VF);
            case DIRECT_PHYSICAL -> Optional.of(DevType.TYPE_PF);
            case NORMAL, UNKNOWN -> Optional.empty();
        };
    }

    /** The name Neutron uses, e.g. {@code direct-physical}. */
    public String neutronName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
