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

    /**
     * Mark the host stale if its agent, last heard at {@code lastHeard} (null: never), has been silent longer than
     * {@code staleAfter} at {@code now}: from {@link #staleAt} on.
     */
    public static Decision check(final HostLedger ledger, final Instant lastHeard, final Instant now,
            final Duration staleAfter) {
        return staleAt(ledger, lastHeard, staleAfter)
                .filter(at -> !now.isBefore(at))
                .map(at -> Decision.of(new HostMarkedStale(lastHeard)))
                .orElse(Decision.none());
    }

    /**
     * The earliest moment at which the host counts as silent too long if its agent stays silent: just after
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
