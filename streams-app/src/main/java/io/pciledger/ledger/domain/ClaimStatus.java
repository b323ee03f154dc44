package io.pciledger.ledger.domain;

/** Where a granted claim is in its life. */
public enum ClaimStatus {
    /** Granted, not yet confirmed: expires at its time-to-live, if it has one. */
    LIVE,
    /** The instance booted: holds its devices until released. */
    CONFIRMED,
    /** Its devices were given back on request. */
    RELEASED,
    /** Not confirmed in time: the ledger gave its devices back. */
    EXPIRED;

    /** Whether a claim in this status still holds its devices. */
    public boolean holdsDevices() {
        return this == LIVE || this == CONFIRMED;
    }
}
