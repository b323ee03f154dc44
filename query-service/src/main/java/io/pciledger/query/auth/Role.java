package io.pciledger.query.auth;

import io.pciledger.ledger.domain.ActorRole;
import java.util.Locale;

/** What a token may do: {@code admin} everything, {@code tenant} claim and read its groups, {@code reader} read. */
public enum Role {
    ADMIN(ActorRole.ADMIN),
    TENANT(ActorRole.TENANT),
    READER(ActorRole.READER);

    private final ActorRole actorRole;

    Role(final ActorRole actorRole) {
        this.actorRole = actorRole;
    }

    /** The role as the ledger records it on commands. */
    public ActorRole actorRole() {
        return actorRole;
    }

    /**
     * @throws IllegalArgumentException naming the accepted roles
     */
    public static Role parse(final String name) {
        for (final Role role : values()) {
            if (role.name().equalsIgnoreCase(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + name + "': expected admin, tenant or reader");
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
