package io.pciledger.query.claims;

/** Where a command's time goes, for the service's metrics. */
@FunctionalInterface
public interface CommandTimer {

    /** From sending a command until the broker acknowledged it. */
    String ACKNOWLEDGED = "acknowledged";
    /** From the broker's acknowledgement until the command's committed result was read: the ledger's part. */
    String COMMITTED = "committed";

    CommandTimer NONE = (stage, nanos) -> { };

    /** Records that {@code stage} ({@link #ACKNOWLEDGED} or {@link #COMMITTED}) took {@code nanos}. */
    void record(String stage, long nanos);
}
