package io.pciledger.ledger.state;

import io.pciledger.ledger.domain.Claim;
import io.pciledger.ledger.domain.ClaimArchive;
import io.pciledger.ledger.domain.HostLedger;
import io.pciledger.ledger.domain.LedgerDevice;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the {@code host-ledgers} store keeps per host: the live part of its {@link HostLedger} (devices, live
 * claims, groups seen, stale flag, next sequence number). Its ended claims and refusals are in the
 * {@code claim-archive} store ({@link ClaimKey}, {@link ArchivedClaim}); when its agent was last heard is not ledger
 * state (heartbeats write no event, see docs/decisions.md) and is in {@code host-last-heard}. So what is written
 * per decision is as large as what the host holds now, not as its history.
 *
 * @param host       the host
 * @param nextSeq    the sequence number of its next ledger event
 * @param staleSince when it was marked stale, or null
 * @param devices    its devices, by address
 * @param liveClaims its live claims, by claim id
 * @param groupsSeen every group it has ever had a device of, sorted
 */
public record StoredHost(
        String host,
        long nextSeq,
        Instant staleSince,
        List<LedgerDevice> devices,
        List<Claim> liveClaims,
        List<String> groupsSeen) {

    public StoredHost {
        Objects.requireNonNull(host, "host");
        devices = List.copyOf(devices);
        liveClaims = List.copyOf(liveClaims);
        groupsSeen = List.copyOf(groupsSeen);
    }

    /** The live part of {@code ledger}, to store. */
    public static StoredHost of(final HostLedger ledger) {
        return new StoredHost(ledger.host(), ledger.nextSeq(), ledger.staleSince().orElse(null),
                List.copyOf(ledger.devices()), List.copyOf(ledger.liveClaims()), List.copyOf(ledger.groupsSeen()));
    }

    /** The host's ledger, continuing from this state, over {@code archive}: where its ended claims are. */
    public HostLedger ledger(final ClaimArchive archive) {
        return HostLedger.restore(host, nextSeq, staleSince, devices, liveClaims, groupsSeen, archive);
    }
}
