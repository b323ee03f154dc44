package io.pciledger.ledger.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The registrations of PCI groups known when a claim is decided (the table of topic {@code pci.groups}):
 * which groups are private, and to whom. A group with no registration, or whose registration was deleted, is
 * public.
 *
 * <p>An immutable value: a processor builds a new one as registrations change.
 */
public final class GroupDirectory {

    private static final GroupDirectory EMPTY = new GroupDirectory(Map.of());

    private final Map<String, GroupRegistration> registrations;

    private GroupDirectory(final Map<String, GroupRegistration> registrations) {
        this.registrations = Collections.unmodifiableMap(registrations);
    }

    /** No group registered: every group is public. */
    public static GroupDirectory empty() {
        return EMPTY;
    }

    /** The directory of these registrations (a later one for the same group wins). */
    public static GroupDirectory of(final Collection<GroupRegistration> registrations) {
        final Map<String, GroupRegistration> byGroup = new TreeMap<>();
        for (final GroupRegistration registration : registrations) {
            byGroup.put(registration.group(), registration);
        }
        return new GroupDirectory(byGroup);
    }

    /** This directory with {@code registration} added or replacing the group's earlier one. */
    public GroupDirectory with(final GroupRegistration registration) {
        final Map<String, GroupRegistration> byGroup = new TreeMap<>(registrations);
        byGroup.put(registration.group(), registration);
        return new GroupDirectory(byGroup);
    }

    /** This directory without a registration of {@code group}: the group is public again. */
    public GroupDirectory without(final String group) {
        final Map<String, GroupRegistration> byGroup = new TreeMap<>(registrations);
        byGroup.remove(group);
        return new GroupDirectory(byGroup);
    }

    public Optional<GroupRegistration> registration(final String group) {
        return Optional.ofNullable(registrations.get(group));
    }

    /** Whether {@code requester} may claim devices of {@code group} for {@code tenant}. */
    public boolean mayClaim(final Requester requester, final String tenant, final String group) {
        if (!requester.mayActFor(tenant)) {
            return false;
        }
        return requester.seesEveryGroup()
                || registration(group).map(registration -> registration.isOpenTo(tenant)).orElse(true);
    }
}
