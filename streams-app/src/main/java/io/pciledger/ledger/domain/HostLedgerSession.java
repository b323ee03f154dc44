package io.pciledger.ledger.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One host's ledger at work: decide, append, apply, in one call, so that the stream processor and the tests go
 * the same way. A processor loads the host's {@link HostLedger} and the time its agent was last heard, makes a
 * session, hands it the fact, command or punctuation, writes the returned records and answer, and stores
 * {@link #ledger()} and {@link #lastHeard()} back.
 *
 * <pre>{@code
 * HostLedgerSession session = new HostLedgerSession(store.ledger(host), store.lastHeard(host));
 * Answer answer = session.handle(command, requester, groups, new Cause(commandId, actor, recordTime));
 * // write answer.records() to pci.ledger, answer.outcome() to pci.claim-results, the session's state to the store
 * }</pre>
 *
 * <p>Every call takes a {@link Cause}: its id and actor are stamped on the records, and its time is the "now"
 * of the decision. Not thread-safe: one stream task owns a host.
 */
public final class HostLedgerSession {

    private final HostLedger ledger;
    private Instant lastHeard;

    /**
     * @param ledger    the host's ledger; the session appends to it
     * @param lastHeard when the host's agent was last heard, or null if never
     */
    public HostLedgerSession(final HostLedger ledger, final Instant lastHeard) {
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.lastHeard = lastHeard;
    }

    /** A session for a host nothing is known about. */
    public static HostLedgerSession newHost(final String host) {
        return new HostLedgerSession(HostLedger.empty(host), null);
    }

    /** Records what the agent reports ({@link InventoryRules}); the agent counts as heard at {@code cause.at()}. */
    public List<LedgerRecord> report(final InventoryFact fact, final Cause cause) {
        final List<LedgerRecord> records = ledger.append(InventoryRules.decide(ledger, fact), cause);
        if (lastHeard == null || cause.at().isAfter(lastHeard)) {
            lastHeard = cause.at();
        }
        return records;
    }

    /** Decides a claim, confirm or release ({@link ClaimDecider}, {@link ClaimLifecycle}) and records it. */
    public Answer handle(final Command command, final Requester requester, final GroupDirectory groups,
            final Cause cause) {
        final CommandDecision decision;
        if (command instanceof ClaimRequest claim) {
            decision = ClaimDecider.decide(ledger, claim, requester, groups, cause.at());
        } else if (command instanceof ConfirmRequest confirm) {
            decision = ClaimLifecycle.confirm(ledger, confirm, requester);
        } else if (command instanceof ReleaseRequest release) {
            decision = ClaimLifecycle.release(ledger, release, requester);
        } else {
            throw new IllegalArgumentException("unknown command " + command);
        }
        return new Answer(decision.outcome(), ledger.append(decision.decision(), cause));
    }

    /** Marks the host stale if its agent has been silent longer than {@code staleAfter} ({@link LivenessRule}). */
    public List<LedgerRecord> checkLiveness(final Duration staleAfter, final Cause cause) {
        return ledger.append(LivenessRule.check(ledger, lastHeard, cause.at(), staleAfter), cause);
    }

    /** Expires every live claim past its time-to-live at {@code cause.at()} ({@link ClaimLifecycle#expire}). */
    public List<LedgerRecord> expire(final Cause cause) {
        return ledger.append(ClaimLifecycle.expire(ledger, cause.at()), cause);
    }

    /**
     * When this host next needs {@link #expire} or {@link #checkLiveness} (with {@code staleAfter}): the earlier of
     * its first claim deadline ({@link ClaimLifecycle#nextExpiry}) and the moment its agent's silence would make it
     * stale ({@link LivenessRule#staleAt}); empty when neither can come. A check before then records nothing, so a
     * caller may leave the host alone until then, as long as nothing else is appended or heard in between.
     */
    public Optional<Instant> nextCheckDue(final Duration staleAfter) {
        return Stream.of(ClaimLifecycle.nextExpiry(ledger), LivenessRule.staleAt(ledger, lastHeard, staleAfter))
                .flatMap(Optional::stream)
                .min(Comparator.naturalOrder());
    }

    public HostLedger ledger() {
        return ledger;
    }

    /** When the host's agent was last heard (by the ledger's clock); not part of the ledger's fold. */
    public Optional<Instant> lastHeard() {
        return Optional.ofNullable(lastHeard);
    }
}
