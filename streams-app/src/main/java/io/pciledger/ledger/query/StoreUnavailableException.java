package io.pciledger.ledger.query;

/**
 * A ledger store cannot be read on this instance right now: Kafka Streams is starting, rebalancing (the store's
 * task is moving or restoring), or not running. A read API answers it with "retry shortly" (HTTP 503 with
 * {@code Retry-After}), after looking up the owner again: the key may have moved to another instance.
 */
public final class StoreUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(final String message, final Throwable cause) {
        super(message, cause);
    }

    public StoreUnavailableException(final String message) {
        super(message);
    }
}
