package io.pciledger.ledger.state;

import io.pciledger.ledger.domain.HostLedger;
import io.pciledger.ledger.domain.HostLedgerSession;
import java.time.Instant;
import java.util.Objects;

/**
 * What the {@code host-ledgers} store keeps per host: the host's {@link HostLedger} and when its agent was last
 * heard (which is not ledger state: heartbeats write no event, see docs/decisions.md).
 *
 * @param ledger    the host's ledger
 * @param lastHeard when the agent was last heard by the ledger's clock, or null if never
 */
public record StoredHost(HostLedger ledger, Instant lastHeard) {

    public StoredHost {
        Objects.requireNonNull(ledger, "ledger");
    }

    /** What to store after {@code session} has done its work. */
    public static StoredHost of(final HostLedgerSession session) {
        return new StoredHost(session.ledger(), session.lastHeard().orElse(null));
    }

    /** A session continuing from this state. */
    public HostLedgerSession session() {
        return new HostLedgerSession(ledger, lastHeard);
    }
}
