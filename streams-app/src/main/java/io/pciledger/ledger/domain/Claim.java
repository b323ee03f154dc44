package io.pciledger.ledger.domain;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A claim granted on a host, kept after it ends so that a retry of the same claim id gets the first answer.
 *
 * @param claimId        the client's idempotency key
 * @param tenant         the tenant the devices are for
 * @param instance       the instance the devices are for
 * @param requestHash    the {@link RequestHash} of the request that was granted
 * @param devices        what was granted, with the request item each satisfies
 * @param liveMigratable whether nothing in the claim blocks live migration
 * @param expiresAt      when it expires unless confirmed, or null for never
 * @param status         live, confirmed, released or expired
 * @param lostAddresses  devices that left the host while claimed and have not come back (the claim's "lost
 *                       device" flag), sorted; for an ended claim, as they were when it ended
 * @param claimedSeq     ledger sequence of its {@code DevicesClaimed}
 * @param confirmedSeq   ledger sequence of its {@code ClaimConfirmed}, or 0
 * @param endedSeq       ledger sequence of its {@code DevicesReleased} or {@code ClaimExpired}, or 0
 */
public record Claim(
        String claimId,
        String tenant,
        String instance,
        String requestHash,
        List<ClaimedDevice> devices,
        boolean liveMigratable,
        Instant expiresAt,
        ClaimStatus status,
        SortedSet<String> lostAddresses,
        long claimedSeq,
        long confirmedSeq,
        long endedSeq) {

    public Claim {
        devices = List.copyOf(devices);
        lostAddresses = Collections.unmodifiableSortedSet(new TreeSet<>(lostAddresses));
    }

    /** Whether a device of this claim left the host while claimed (and has not come back). */
    public boolean hasLostDevices() {
        return !lostAddresses.isEmpty();
    }

    /** The addresses of the granted devices, in grant order. */
    public List<String> addresses() {
        return devices.stream().map(ClaimedDevice::address).toList();
    }

    Claim confirmed(final long seq) {
        return new Claim(claimId, tenant, instance, requestHash, devices, liveMigratable, expiresAt,
                ClaimStatus.CONFIRMED, lostAddresses, claimedSeq, seq, endedSeq);
    }

    Claim ended(final ClaimStatus endStatus, final long seq) {
        return new Claim(claimId, tenant, instance, requestHash, devices, liveMigratable, expiresAt,
                endStatus, lostAddresses, claimedSeq, confirmedSeq, seq);
    }

    Claim withLost(final String address, final boolean lost) {
        final SortedSet<String> addresses = new TreeSet<>(lostAddresses);
        if (lost) {
            addresses.add(address);
        } else {
            addresses.remove(address);
        }
        return new Claim(claimId, tenant, instance, requestHash, devices, liveMigratable, expiresAt, status,
                addresses, claimedSeq, confirmedSeq, endedSeq);
    }
}
