package io.pciledger.ledger.domain;

/**
 * The role of whoever sent a command, which decides what the ledger lets it do (see {@link Requester}).
 * The symbols are those of the Avro {@code ActorRole}.
 */
public enum ActorRole {
    /** A role a reader did not recognise: may do nothing. */
    UNKNOWN,
    /** An operator of the cloud: may claim any group, for any tenant. */
    ADMIN,
    /** A tenant: may claim public groups and its own private ones, for itself only. */
    TENANT,
    /** Read-only access: may not claim, confirm or release. */
    READER,
    /** A node agent acting for the instances of its host: acts for any tenant, within the tenant's groups. */
    AGENT,
    /** Another part of the ledger system (e.g. the query service's own jobs): like an agent. */
    SYSTEM
}
