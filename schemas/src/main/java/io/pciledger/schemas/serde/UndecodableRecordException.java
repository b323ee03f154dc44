package io.pciledger.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Bytes that are not a record of the expected type: a bad header, a schema fingerprint no
 * released version has, or a body that does not match its schema. The message names which, so
 * that a consumer can log one clear line (and dead-letter the record) instead of a bare stack trace.
 */
public final class UndecodableRecordException extends SerializationException {

    private static final long serialVersionUID = 1L;

    private final Long fingerprint;

    UndecodableRecordException(final String message, final Long fingerprint, final Throwable cause) {
        super(message, cause);
        this.fingerprint = fingerprint;
    }

    /** The schema fingerprint from the record's header, or {@code null} when the header was unreadable. */
    public Long fingerprint() {
        return fingerprint;
    }
}
