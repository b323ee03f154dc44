package io.pciledger.ledger.domain;

import java.util.Objects;

/**
 * Who sent a command, and in which role. The ledger checks the role, not a password: authentication happened
 * at the edge (the query service) before the command was written.
 *
 * <ul>
 *   <li>an {@link ActorRole#ADMIN} acts for any tenant and may claim any group;</li>
 *   <li>an {@link ActorRole#TENANT} acts only for itself (its actor name is the tenant);</li>
 *   <li>an {@link ActorRole#AGENT} or {@link ActorRole#SYSTEM} acts for any tenant, within that tenant's
 *       groups;</li>
 *   <li>a {@link ActorRole#READER} or {@link ActorRole#UNKNOWN} role may not claim, confirm or release.</li>
 * </ul>
 *
 * @param actor the name of who asked (a tenant, an admin, an agent's host)
 * @param role  the role it asked in
 */
public record Requester(String actor, ActorRole role) {

    public Requester {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(role, "role");
    }

    public static Requester admin(final String name) {
        return new Requester(name, ActorRole.ADMIN);
    }

    public static Requester tenant(final String name) {
        return new Requester(name, ActorRole.TENANT);
    }

    public static Requester agent(final String host) {
        return new Requester(host, ActorRole.AGENT);
    }

    /** Whether this requester may claim, confirm or release devices for {@code tenant}. */
    public boolean mayActFor(final String tenant) {
        return switch (role) {
            case ADMIN, AGENT, SYSTEM -> true;
            case TENANT -> actor.equals(tenant);
            case READER, UNKNOWN -> false;
        };
    }

    /** Whether this requester may claim private groups it does not own. */
    public boolean seesEveryGroup() {
        return role == ActorRole.ADMIN;
    }
}
