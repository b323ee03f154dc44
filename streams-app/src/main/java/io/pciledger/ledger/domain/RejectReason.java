package io.pciledger.ledger.domain;

/**
 * Why the ledger refused a claim, confirm or release: the code a client branches on. The human explanation
 * travels beside it as a message.
 *
 * <p>The symbols are those of the Avro {@code RejectReason}. {@link #UNKNOWN} is never decided by this version;
 * it is what a reader gets for a reason a newer version recorded, so replaying such a ledger still works.
 */
public enum RejectReason {
    UNKNOWN,
    /** The host has the group, but not enough of its devices are available for the request. */
    INSUFFICIENT_DEVICES,
    /** The ledger has no history for the host: its agent never reported a device. */
    UNKNOWN_HOST,
    /** The host has never had a device of a requested group. */
    UNKNOWN_GROUP,
    /** The request mixes {@code direct}/{@code direct-physical} with {@code macvtap} without allowing it. */
    NON_MIGRATABLE_MIX,
    /** The claim id was used before for another request. */
    CLAIM_ID_CONFLICT,
    /** The requester may not claim a group, or may not act for the claim's tenant. */
    NOT_AUTHORIZED,
    /** The request itself is malformed (no items, a count below 1, a port without a group, ...). */
    INVALID_REQUEST,
    /** Confirm or release of a claim id the host has never granted or refused. */
    UNKNOWN_CLAIM,
    /** The host's agent has been silent too long; it takes no new claims until it reports again. */
    HOST_STALE,
    /** Confirm of a claim that was released or expired, or confirm or release of a claim that was refused. */
    CLAIM_NOT_LIVE
}
