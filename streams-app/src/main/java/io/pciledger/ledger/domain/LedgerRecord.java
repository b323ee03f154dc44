package io.pciledger.ledger.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A ledger event as written: numbered in the host's gap-free sequence (starting at 1), with when it was
 * decided, what caused it and who. Mirrors the Avro {@code LedgerEvent} envelope.
 *
 * @param host      the host whose ledger this is
 * @param seq       the event's position in the host's ledger
 * @param timestamp when the ledger decided it
 * @param causeId   the fact id or command id that caused it, or a punctuation id for expiry and staleness
 * @param actor     agent host, tenant, admin, or {@code ledger}
 * @param event     what happened
 */
public record LedgerRecord(String host, long seq, Instant timestamp, String causeId, String actor,
        LedgerEvent event) {

    public LedgerRecord {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(event, "event");
    }
}
