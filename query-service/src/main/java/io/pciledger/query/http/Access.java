package io.pciledger.query.http;

/** Who may call a route. */
public enum Access {
    /** Anyone, without a token: health, readiness, metrics, the OpenAPI document. */
    PUBLIC,
    /** Any valid token. */
    READ,
    /** A token of an admin or a tenant (not a reader). */
    WRITE,
    /** An admin's token. */
    ADMIN
}
