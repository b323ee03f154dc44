package io.pciledger.ledger.domain;

/**
 * How the devices of one PCI group stand, on one host or summed over the cloud (topic
 * {@code pci.group-counts}). {@code total} is always the sum of the other four.
 *
 * @param total       every device of the group the ledger holds
 * @param available   free, unblocked, on hosts that are not stale
 * @param claimed     held by a claim and present
 * @param unavailable free but blocked by PF/VF exclusivity, or on a stale host
 * @param lost        gone from their host while claimed
 */
public record GroupCount(int total, int available, int claimed, int unavailable, int lost) {

    public static final GroupCount ZERO = new GroupCount(0, 0, 0, 0, 0);

    /** The count of one device standing as {@code availability}. */
    public static GroupCount one(final Availability availability) {
        return switch (availability) {
            case AVAILABLE -> new GroupCount(1, 1, 0, 0, 0);
            case CLAIMED -> new GroupCount(1, 0, 1, 0, 0);
            case UNAVAILABLE -> new GroupCount(1, 0, 0, 1, 0);
            case LOST -> new GroupCount(1, 0, 0, 0, 1);
        };
    }

    public GroupCount plus(final GroupCount other) {
        return new GroupCount(total + other.total, available + other.available, claimed + other.claimed,
                unavailable + other.unavailable, lost + other.lost);
    }

    public GroupCount minus(final GroupCount other) {
        return new GroupCount(total - other.total, available - other.available, claimed - other.claimed,
                unavailable - other.unavailable, lost - other.lost);
    }

    public boolean isZero() {
        return equals(ZERO);
    }
}
