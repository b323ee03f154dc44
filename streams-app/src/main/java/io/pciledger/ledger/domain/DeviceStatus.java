package io.pciledger.ledger.domain;

/** Where a device of a host's ledger stands with respect to claims. */
public enum DeviceStatus {
    /** Present and held by no claim (it may still be blocked by PF/VF exclusivity). */
    FREE,
    /** Present and held by a claim. */
    CLAIMED,
    /**
     * Gone from the host while claimed: still held by its claim so it is never reused, until the claim ends,
     * or back to {@link #CLAIMED} if the agent reports it again.
     */
    LOST
}
