package io.pciledger.ledger.state;

import io.pciledger.ledger.domain.HostLedger;
import java.util.Objects;

/**
 * What the {@code host-ledgers} store keeps per host: the host's {@link HostLedger}. When its agent was last heard
 * is not ledger state (heartbeats write no event, see docs/decisions.md) and lives in its own store,
 * {@code host-last-heard}, so that a fact that changes nothing does not rewrite the host.
 *
 * @param ledger the host's ledger
 */
public record StoredHost(HostLedger ledger) {

    public StoredHost {
        Objects.requireNonNull(ledger, "ledger");
    }
}
