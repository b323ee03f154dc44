package io.pciledger.query.auth;

import io.pciledger.ledger.domain.GroupRegistration;
import java.util.Optional;

/**
 * Which PCI groups a caller sees. A tenant sees the public groups (an unregistered group is public) and the
 * private groups it owns; admins and readers (operators' dashboards, auditors) see every group, but readers
 * cannot claim. The ledger enforces the claim side of this again
 * ({@link io.pciledger.ledger.domain.GroupDirectory#mayClaim}); this is the HTTP layer's view of it, for reads and
 * early refusals.
 */
public final class GroupAccess {

    private GroupAccess() {
    }

    /** Whether {@code principal} sees a group registered as {@code registration} (empty: not registered). */
    public static boolean sees(final Principal principal, final Optional<GroupRegistration> registration) {
        return principal.role() != Role.TENANT
                || registration.map(registered -> registered.isOpenTo(principal.tenant())).orElse(true);
    }
}
