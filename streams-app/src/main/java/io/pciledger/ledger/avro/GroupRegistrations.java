package io.pciledger.ledger.avro;

import io.pciledger.ledger.domain.GroupRegistration;
import io.pciledger.ledger.domain.Visibility;
import java.time.Instant;
import java.util.Optional;

/**
 * Topic {@code pci.groups} (key group): the Avro {@code GroupRegistration} and the domain's
 * {@link GroupRegistration}. A record marked {@code deleted} (or a tombstone) means the group is no longer
 * registered; a visibility this version cannot read is {@code UNKNOWN}, which the domain treats as private.
 * Description and who changed it when are for the audit, not for the claim rules.
 */
public final class GroupRegistrations {

    private GroupRegistrations() {
    }

    /** The registration {@code registration} stands for, or empty for a deletion. */
    public static Optional<GroupRegistration> toDomain(final io.pciledger.schemas.group.GroupRegistration registration) {
        if (registration == null || registration.getDeleted()) {
            return Optional.empty();
        }
        return Optional.of(new GroupRegistration(registration.getGroup(), registration.getOwnerTenant(),
                CommonRecords.byName(registration.getVisibility(), Visibility.class)));
    }

    public static io.pciledger.schemas.group.GroupRegistration toAvro(final GroupRegistration registration,
            final Instant updatedAt, final String updatedBy) {
        return new io.pciledger.schemas.group.GroupRegistration(registration.group(), registration.ownerTenant(),
                CommonRecords.byName(registration.visibility(), io.pciledger.schemas.group.Visibility.class), null,
                false, updatedAt, updatedBy);
    }
}
