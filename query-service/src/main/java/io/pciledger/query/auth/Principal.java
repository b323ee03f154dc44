package io.pciledger.query.auth;

import io.pciledger.ledger.domain.Requester;
import java.util.Objects;

/**
 * Who is calling: the tenant a bearer token was issued to, and its role.
 *
 * @param tenant the tenant's name (for an admin or reader, the name the token was issued to)
 * @param role   what the token may do
 */
public record Principal(String tenant, Role role) {

    public Principal {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(role, "role");
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean mayWrite() {
        return role != Role.READER;
    }

    /** This caller as the actor of a command in the ledger. */
    public Requester requester() {
        return new Requester(tenant, role.actorRole());
    }
}
