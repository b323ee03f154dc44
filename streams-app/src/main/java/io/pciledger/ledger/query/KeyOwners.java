package io.pciledger.ledger.query;

import java.util.Objects;
import java.util.Set;

/**
 * The instances that hold a key of a ledger store: the active one, which decides and answers first, and the
 * standbys, which can answer (possibly behind) when it is gone.
 *
 * @param active    the instance whose active task holds the key
 * @param standbys  the instances with a standby replica of it, none unless {@code num.standby.replicas} is set
 * @param partition the partition of the store the key is in
 */
public record KeyOwners(InstanceEndpoint active, Set<InstanceEndpoint> standbys, int partition) {

    public KeyOwners {
        Objects.requireNonNull(active, "active");
        standbys = Set.copyOf(standbys);
    }

    /** Whether {@code instance} holds the key, active or standby. */
    public boolean isHeldBy(final InstanceEndpoint instance) {
        return active.equals(instance) || standbys.contains(instance);
    }
}
