package io.pciledger.ledger.avro;

import io.pciledger.ledger.domain.GroupCount;
import io.pciledger.schemas.derived.GroupCounts;
import java.time.Instant;

/**
 * Topic {@code pci.group-counts} (key group): the Avro {@code GroupCounts} and the domain's {@link GroupCount},
 * field for field. The same record carries a host's change of a group's count
 * (negative numbers allowed) on the way to the sum.
 */
public final class GroupCountRecords {

    private GroupCountRecords() {
    }

    public static GroupCounts toAvro(final String group, final GroupCount count, final Instant updatedAt) {
        return new GroupCounts(group, count.total(), count.available(), count.claimed(), count.unavailable(),
                count.lost(), updatedAt);
    }

    public static GroupCount toDomain(final GroupCounts counts) {
        return new GroupCount(counts.getTotal(), counts.getAvailable(), counts.getClaimed(), counts.getUnavailable(),
                counts.getLost());
    }

    /** The sum of {@code sum} and {@code change}, stamped with the later of their times. */
    public static GroupCounts plus(final GroupCounts sum, final GroupCounts change) {
        final Instant updatedAt = sum.getUpdatedAt().isAfter(change.getUpdatedAt())
                ? sum.getUpdatedAt() : change.getUpdatedAt();
        return toAvro(change.getGroup(), toDomain(sum).plus(toDomain(change)), updatedAt);
    }
}
