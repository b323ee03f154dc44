package io.pciledger.ledger.domain;

import java.util.Objects;

/**
 * A PCI group's registration: who owns it and who may claim it. A group nobody registered is public.
 *
 * <p>Example: {@code gpu-a100} owned by tenant {@code acme}, private: only {@code acme} (and admins) may
 * claim its GPUs.
 *
 * @param group       the PCI group
 * @param ownerTenant the owner tenant, or null
 * @param visibility  public or private; {@link Visibility#UNKNOWN} counts as private
 */
public record GroupRegistration(String group, String ownerTenant, Visibility visibility) {

    public GroupRegistration {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(visibility, "visibility of group " + group);
    }

    public static GroupRegistration publicGroup(final String group, final String ownerTenant) {
        return new GroupRegistration(group, ownerTenant, Visibility.PUBLIC);
    }

    public static GroupRegistration privateGroup(final String group, final String ownerTenant) {
        return new GroupRegistration(group, ownerTenant, Visibility.PRIVATE);
    }

    /** Whether {@code tenant} may claim devices of this group (admins aside). */
    public boolean isOpenTo(final String tenant) {
        return visibility == Visibility.PUBLIC || (ownerTenant != null && ownerTenant.equals(tenant));
    }
}
