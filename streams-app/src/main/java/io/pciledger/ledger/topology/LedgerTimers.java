package io.pciledger.ledger.topology;

import java.time.Duration;
import java.util.Objects;

/**
 * The ledger's clock-driven work: how often it checks the hosts it owns that are due (expiring claims past their
 * time-to-live, marking hosts stale), and how long an agent may be silent before its host is stale (rule 8).
 * Both are by the processor's wall clock.
 *
 * @param checkEvery how often the processor checks its hosts
 * @param staleAfter how long an agent may be silent before its host is marked stale
 */
public record LedgerTimers(Duration checkEvery, Duration staleAfter) {

    /** Check every 10 seconds; stale after 5 minutes of silence. */
    public static final LedgerTimers DEFAULT = new LedgerTimers(Duration.ofSeconds(10), Duration.ofMinutes(5));

    public LedgerTimers {
        Objects.requireNonNull(checkEvery, "checkEvery");
        Objects.requireNonNull(staleAfter, "staleAfter");
        if (checkEvery.isNegative() || checkEvery.isZero() || staleAfter.isNegative() || staleAfter.isZero()) {
            throw new IllegalArgumentException("the ledger's check interval (" + checkEvery + ") and stale-after ("
                    + staleAfter + ") must be positive");
        }
    }
}
