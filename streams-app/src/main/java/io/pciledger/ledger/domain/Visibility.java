package io.pciledger.ledger.domain;

/**
 * Who may claim the devices of a registered PCI group. The symbols are those of the Avro {@code Visibility}.
 */
public enum Visibility {
    /** A visibility a reader did not recognise: treated as {@link #PRIVATE}, so it never opens a group. */
    UNKNOWN,
    /** Any tenant may claim the group. */
    PUBLIC,
    /** Only the owner tenant (and admins) may claim the group. */
    PRIVATE
}
