package io.pciledger.ledger.domain;

import io.pciledger.ledger.domain.LedgerEvent.HostMarkedStale;
import io.pciledger.ledger.domain.LedgerEvent.HostReturned;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Rule 8, liveness. A host whose agent has been silent (no heartbeat, no fact) for longer than
 * {@code staleAfter} is marked stale, once ({@code HostMarkedStale}): its devices stay as they are, but it takes
 * no new claims and its free devices count as unavailable. The next report of its agent, of whatever kind,
 * records {@code HostReturned} before anything else it says.
 *
 * <p>When the agent was last heard is not part of the ledger (a heartbeat records no event); the caller keeps
 * it, e.g. {@link HostLedgerSession#lastHeard()}. A host with no ledger history (its agent never reported a
 * device) is never marked: there is nothing on it to protect.
 */
public final class LivenessRule {

    private LivenessRule() {
    }

    /** Mark the host stale if its agent, last heard at {@code lastHeard} (null: never), is silent too long. */
    public static Decision check(final HostLedger ledger, final Instant lastHeard, final Instant now,
            final Duration staleAfter) {
        if (ledger.isStale() || !ledger.hasHistory() || lastHeard == null
                || Duration.between(lastHeard, now).compareTo(staleAfter) <= 0) {
            return Decision.none();
        }
        return Decision.of(new HostMarkedStale(lastHeard));
    }

    /**
     * The earliest moment at which {@link #check} would mark the host stale if its agent stays silent: just after
     * {@code staleAfter} has passed since {@code lastHeard}; empty when no silence can mark it (it is stale
     * already, has no history, or was never heard).
     */
    public static Optional<Instant> staleAt(final HostLedger ledger, final Instant lastHeard,
            final Duration staleAfter) {
        if (ledger.isStale() || !ledger.hasHistory() || lastHeard == null) {
            return Optional.empty();
        }
        return Optional.of(lastHeard.plus(staleAfter).plusNanos(1));
    }

    /** What an agent's report means for liveness: a stale host returns. */
    public static Decision onReport(final HostLedger ledger) {
        return ledger.staleSince()
                .map(since -> Decision.of(new HostReturned(since)))
                .orElse(Decision.none());
    }
}
