package io.pciledger.ledger.query;

import io.pciledger.ledger.domain.Claim;
import io.pciledger.ledger.domain.HostLedger;
import io.pciledger.ledger.domain.HostPools;
import io.pciledger.ledger.domain.LedgerDevice;
import java.time.Instant;
import java.util.List;

/**
 * A host as its ledger stands on the instance that answered: what {@code GET /v1/hosts/{host}} shows.
 *
 * @param host        the host
 * @param lastSeq     the sequence number of its last ledger event, its ledger's position: a reader that saw
 *                    event {@code n} (e.g. in a claim's result) and reads a smaller number reads a replica that is
 *                    behind
 * @param stale       whether the host is marked stale: it takes no new claims
 * @param staleSince  when it was marked stale, or null while it is not
 * @param lastHeard   when its agent was last heard by the ledger's clock, or null if never (not ledger state)
 * @param devices     every device the ledger holds for it, present or lost, with its holder; by address
 * @param claims      its live claims (live or confirmed: holding devices), with their status; by claim id. Ended
 *                    and refused claims are read one at a time, {@link LocalLedgerReads#claim}
 * @param pools       its pools: per group, device type and NUMA node, total and free
 */
public record HostView(
        String host,
        long lastSeq,
        boolean stale,
        Instant staleSince,
        Instant lastHeard,
        List<LedgerDevice> devices,
        List<Claim> claims,
        HostPools pools) {

    public HostView {
        devices = List.copyOf(devices);
        claims = List.copyOf(claims);
    }

    static HostView of(final HostLedger ledger, final Instant lastHeard) {
        return new HostView(ledger.host(), ledger.nextSeq() - 1, ledger.isStale(), ledger.staleSince().orElse(null),
                lastHeard, List.copyOf(ledger.devices()), List.copyOf(ledger.liveClaims()), HostPools.of(ledger));
    }
}
