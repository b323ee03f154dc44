package io.pciledger.ledger.topology;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * When each host of one task next needs the ledger's expiry and liveness check, so that a check visits the hosts
 * that are due, not every host the task owns: visiting every host every {@link LedgerTimers#checkEvery()} read each
 * one's header and last-heard time from RocksDB (and its devices, past the processor's in-memory ledgers) and held
 * a stream thread for up to 631 ms at 1,000 hosts a task, with the claims waiting behind it.
 *
 * <p>The schedule lives in memory only. A processor initialised anew (start, restore, rebalance, or re-initialised
 * after its stores were wiped) knows no due times, so it is {@linkplain #isComplete() incomplete} until a sweep
 * has visited every host and scheduled each, a few hosts at a time ({@link #sweptUpTo()}, {@link #sweptTo}); from
 * then on, every decision that appends to a host or hears its agent reschedules that host. (Visiting them all in
 * one check held the stream thread just as long, for every task at once, after every start and rebalance.)
 *
 * <p>A failed decision leaves some host's due time in doubt, so it asks for a pass over every host after it
 * ({@link #markIncomplete()}); a sweep in progress finishes its pass and then makes another. A host that fails
 * every time it is checked is passed over like the rest, so it cannot keep the sweep from the hosts after it.
 *
 * <p>A host with nothing that can come due (no claim that expires, its agent stale already or never heard) has no
 * entry, so hosts that only ever received commands for nothing take no memory here.
 */
final class HostCheckSchedule {

    private record Due(Instant at, String host) {
    }

    private final Map<String, Instant> dueByHost = new HashMap<>();
    private final NavigableSet<Due> byTime = new TreeSet<>(
            Comparator.comparing(Due::at).thenComparing(Due::host));
    private boolean complete;
    private boolean anotherPass;
    private String sweptUpTo;

    /** Whether every host of the task has been scheduled since this schedule was made or last made incomplete. */
    boolean isComplete() {
        return complete;
    }

    /** The last host the sweep's pass has visited, in the stores' order; empty: the pass starts from the first. */
    Optional<String> sweptUpTo() {
        return Optional.ofNullable(sweptUpTo);
    }

    /** Records that the sweep's pass has visited every host up to {@code host}. */
    void sweptTo(final String host) {
        sweptUpTo = host;
    }

    /**
     * Records that the sweep's pass has visited the last host: the schedule is complete, unless it was made
     * incomplete during the pass, in which case another pass starts from the first host.
     */
    void passEnded() {
        sweptUpTo = null;
        complete = !anotherPass;
        anotherPass = false;
    }

    /**
     * Records that some host may not be scheduled as it should be (a decision or a check failed half-way): a pass
     * over every host must start after this; now if no pass has begun, else when the current one ends.
     */
    void markIncomplete() {
        if (complete || sweptUpTo == null) {
            complete = false;
            sweptUpTo = null;
        } else {
            anotherPass = true;
        }
    }

    /** Sets when {@code host} is next due, replacing what was scheduled for it; empty: never, until rescheduled. */
    void schedule(final String host, final Optional<Instant> due) {
        final Instant previous = due.isPresent() ? dueByHost.put(host, due.get()) : dueByHost.remove(host);
        if (previous != null) {
            byTime.remove(new Due(previous, host));
        }
        due.ifPresent(at -> byTime.add(new Due(at, host)));
    }

    /** The hosts due at or before {@code now}, earliest first, taken off the schedule: the caller reschedules them. */
    List<String> takeDue(final Instant now) {
        final List<String> due = new ArrayList<>();
        while (!byTime.isEmpty() && !byTime.first().at().isAfter(now)) {
            final Due first = byTime.pollFirst();
            dueByHost.remove(first.host());
            due.add(first.host());
        }
        return due;
    }

    /** When {@code host} is due, if it is scheduled. */
    Optional<Instant> dueAt(final String host) {
        return Optional.ofNullable(dueByHost.get(host));
    }
}
