package io.pciledger.ledger.state;

import io.pciledger.ledger.domain.Claim;
import io.pciledger.ledger.domain.ClaimArchive;
import io.pciledger.ledger.domain.HostLedger;
import io.pciledger.ledger.domain.LedgerDevice;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * What the {@code host-ledgers} store keeps per host: the live part of its {@link HostLedger} but its devices (next
 * sequence number, stale flag, live claims, groups seen). Each device is a row of its own in {@code host-devices}
 * ({@link DeviceKey}), so a fact about one device writes that device and this small header, not the host's whole
 * device list. Ended claims and refusals are in {@code claim-archive} ({@link ClaimKey}); when the agent was last
 * heard is in {@code host-last-heard} (not ledger state, see docs/decisions.md).
 *
 * @param host       the host
 * @param nextSeq    the sequence number of its next ledger event
 * @param staleSince when it was marked stale, or null
 * @param liveClaims its live claims, by claim id
 * @param groupsSeen every group it has ever had a device of, sorted
 */
public record HostHeader(
        String host,
        long nextSeq,
        Instant staleSince,
        List<Claim> liveClaims,
        List<String> groupsSeen) {

    public HostHeader {
        Objects.requireNonNull(host, "host");
        liveClaims = List.copyOf(liveClaims);
        groupsSeen = List.copyOf(groupsSeen);
    }

    /** The header of {@code ledger}, to store. */
    public static HostHeader of(final HostLedger ledger) {
        return new HostHeader(ledger.host(), ledger.nextSeq(), ledger.staleSince().orElse(null),
                List.copyOf(ledger.liveClaims()), List.copyOf(ledger.groupsSeen()));
    }

    /** The host's ledger, continuing from this header and {@code devices}, over {@code archive}. */
    public HostLedger ledger(final Collection<LedgerDevice> devices, final ClaimArchive archive) {
        return HostLedger.restore(host, nextSeq, staleSince, devices, liveClaims, groupsSeen, archive);
    }
}
