package io.pciledger.ledger.domain;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * What an instance asks one host for: every item, or nothing. The {@code claimId} is the client's idempotency
 * key: the same id with the same request always gets the first answer; with another request it is a conflict.
 *
 * <p>Example: claim {@code c-42} for instance {@code vm-7} of tenant {@code acme}: one {@code direct} port on
 * {@code physnet-a} and one GPU of {@code gpu-a100}, to be confirmed within 5 minutes.
 *
 * @param claimId            client-chosen idempotency key
 * @param tenant             the tenant the devices are for
 * @param instance           the instance (consumer) the devices are for
 * @param items              what is asked for, in order; devices report the index of the item they satisfy
 * @param allowNonMigratable accept mixing {@code direct}/{@code direct-physical} with {@code macvtap}
 * @param ttl                the claim is released as expired unless confirmed within this time; null: never
 */
public record ClaimRequest(
        String claimId,
        String tenant,
        String instance,
        List<RequestItem> items,
        boolean allowNonMigratable,
        Duration ttl) implements Command {

    public ClaimRequest {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** This request with a time-to-live. */
    public ClaimRequest withTtl(final Duration newTtl) {
        return new ClaimRequest(claimId, tenant, instance, items, allowNonMigratable, newTtl);
    }

    /** This request, allowing or not the non-migratable mix. */
    public ClaimRequest allowingNonMigratable(final boolean allow) {
        return new ClaimRequest(claimId, tenant, instance, items, allow, ttl);
    }

    /** The canonical hash that tells this request from another with the same claim id ({@link RequestHash}). */
    public String hash() {
        return RequestHash.of(this);
    }

    /**
     * The groups whose devices the request takes (ports of vnic type {@code normal} take none): the only groups
     * whose registrations decide whether the requester may claim ({@link GroupDirectory#mayClaim}).
     */
    public SortedSet<String> requestedGroups() {
        final SortedSet<String> groups = new TreeSet<>();
        for (final RequestItem item : items) {
            if (item.takesDevices()) {
                groups.add(item.group());
            }
        }
        return Collections.unmodifiableSortedSet(groups);
    }
}
