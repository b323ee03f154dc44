package io.pciledger.ledger.replay;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * Where the replay of each host's ledger stops. A host's replay takes its records in sequence up to the first one
 * the cut does not admit, and nothing of that host after it: a ledger applied with a gap would not be the host's
 * ledger at any moment.
 *
 * <ul>
 *   <li>{@link #until(Instant)}: the fleet as of an instant, every host up to its last event decided at or before
 *       it (each event carries the ledger's time of its decision);</li>
 *   <li>{@link #atPositions(Map)}: named hosts up to a given sequence number (where a live reader saw them), the
 *       others whole; what {@code pci-ledger verify} compares the live state with.</li>
 * </ul>
 */
public sealed interface ReplayCut {

    /** Whether the record numbered {@code seq} of {@code host}, decided at {@code timestamp}, is replayed. */
    boolean admits(String host, long seq, Instant timestamp);

    /** Every event decided at or before {@code instant}. */
    static ReplayCut until(final Instant instant) {
        return new Until(instant);
    }

    /** The hosts named up to (and including) the sequence number given for each; every other host whole. */
    static ReplayCut atPositions(final Map<String, Long> lastSeqs) {
        return new AtPositions(lastSeqs);
    }

    /** The cut of {@link #until(Instant)}. */
    record Until(Instant instant) implements ReplayCut {

        public Until {
            Objects.requireNonNull(instant, "instant");
        }

        @Override
        public boolean admits(final String host, final long seq, final Instant timestamp) {
            return !timestamp.isAfter(instant);
        }
    }

    /** The cut of {@link #atPositions(Map)}. */
    record AtPositions(Map<String, Long> lastSeqs) implements ReplayCut {

        public AtPositions {
            lastSeqs = Map.copyOf(lastSeqs);
        }

        @Override
        public boolean admits(final String host, final long seq, final Instant timestamp) {
            final Long last = lastSeqs.get(host);
            return last == null || seq <= last;
        }
    }
}
