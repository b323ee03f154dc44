package io.pciledger.ledger.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What caused the events of one decision, stamped on each of them: the id of the fact or command (or of the
 * punctuation, for expiry and staleness), who sent it, and the ledger's time of the decision.
 *
 * <p>{@code at} is also the "now" of the decision: a claim's expiry is counted from it, and a fact's arrival
 * at it is when the ledger last heard from the host. Use the ledger's clock (the record's time), not the
 * agent's, so that a skewed agent clock cannot make a host stale or fresh.
 *
 * @param id    fact id, command id or punctuation id
 * @param actor who: agent host, tenant, admin, or {@link #LEDGER}
 * @param at    the ledger's time of the decision
 */
public record Cause(String id, String actor, Instant at) {

    /** The actor of events the ledger decides by itself (expiry, staleness). */
    public static final String LEDGER = "ledger";

    public Cause {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(at, "at");
    }

    /** A cause from the ledger itself, e.g. a punctuation that expires claims. */
    public static Cause byLedger(final String punctuationId, final Instant at) {
        return new Cause(punctuationId, LEDGER, at);
    }
}
