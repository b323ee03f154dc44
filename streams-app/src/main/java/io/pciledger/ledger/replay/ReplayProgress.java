package io.pciledger.ledger.replay;

import java.time.Duration;

/**
 * How far a replay has read: what a long replay shows its operator.
 *
 * @param recordsRead  ledger records read so far (of every host, replayed or passed over)
 * @param offsetsRead  how far the reader is, summed over the partitions, counted from each one's start
 * @param offsetsTotal where it stops, summed likewise: the partitions' ends when it began (transaction markers take
 *                     offsets too, so this is a little more than the records there are)
 * @param elapsed      since the replay began
 */
public record ReplayProgress(long recordsRead, long offsetsRead, long offsetsTotal, Duration elapsed) {

    /** Records read per second so far. */
    public double recordsPerSecond() {
        final double seconds = elapsed.toNanos() / 1e9;
        return seconds > 0 ? recordsRead / seconds : 0;
    }

    /** The share of the way read, from 0 to 1 (1 for an empty ledger). */
    public double fractionRead() {
        return offsetsTotal == 0 ? 1 : Math.min(1, (double) offsetsRead / offsetsTotal);
    }
}
