package io.pciledger.ledger.run;

/** The ledger instance stopped on its own: a stream thread died, and with it the Kafka Streams client. */
public final class LedgerFailedException extends RuntimeException {

    public LedgerFailedException(final Throwable cause) {
        super("the ledger failed: " + cause.getMessage(), cause);
    }
}
