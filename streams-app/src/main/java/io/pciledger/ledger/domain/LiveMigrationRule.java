package io.pciledger.ledger.domain;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Rule 4, live migration. A device passed straight through to an instance pins it to its host:
 * {@code direct} and {@code direct-physical} ports, and generic passthrough items, block live migration.
 * {@code macvtap} and {@code virtio-forwarder} ports do not; {@code normal} ports take no device. {@code vdpa}
 * and {@code remote-managed} ports are counted as blocking: whether they migrate depends on the NIC and the
 * release of the compute service, which the ledger cannot see, so it does not promise it.
 *
 * <p>A claim mixing {@code direct} or {@code direct-physical} with {@code macvtap} wastes the migratable
 * device (the instance cannot migrate anyway), so it is refused with {@code NON_MIGRATABLE_MIX} unless the
 * request sets {@code allow_non_migratable}. Every grant says whether it is live-migratable.
 */
public final class LiveMigrationRule {

    private static final Set<VnicType> PINNING_PORTS = EnumSet.of(VnicType.DIRECT, VnicType.DIRECT_PHYSICAL);

    private LiveMigrationRule() {
    }

    /** Whether the devices of {@code item} keep the instance from live-migrating. */
    public static boolean blocksLiveMigration(final RequestItem item) {
        if (!item.takesDevices()) {
            return false;
        }
        return !item.isPort() || !(item.vnicType() == VnicType.MACVTAP || item.vnicType() == VnicType.VIRTIO_FORWARDER);
    }

    /** Whether a grant of {@code items} leaves the instance live-migratable: nothing in it blocks migration. */
    public static boolean isLiveMigratable(final List<RequestItem> items) {
        return items.stream().noneMatch(LiveMigrationRule::blocksLiveMigration);
    }

    /** Why {@code request} is a non-migratable mix it may not be, or empty when it is fine. */
    public static Optional<String> mixProblem(final ClaimRequest request) {
        if (request.allowNonMigratable()) {
            return Optional.empty();
        }
        final Set<String> pinning = new TreeSet<>();
        boolean macvtap = false;
        for (final RequestItem item : request.items()) {
            if (item.vnicType() == VnicType.MACVTAP) {
                macvtap = true;
            } else if (item.vnicType() != null && PINNING_PORTS.contains(item.vnicType())) {
                pinning.add(item.vnicType().neutronName());
            }
        }
        if (!macvtap || pinning.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("the request mixes " + String.join(" and ", pinning) + " ports with macvtap ports: the "
                + String.join(" and ", pinning) + " ports keep the instance from live-migrating, which wastes what "
                + "macvtap is for; ask for one kind, or set allow_non_migratable");
    }
}
