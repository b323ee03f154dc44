package io.pciledger.query.http;

import io.pciledger.ledger.domain.RejectReason;

/** The HTTP status of each ledger refusal. */
final class RejectionStatus {

    private RejectionStatus() {
    }

    static int of(final RejectReason reason) {
        return switch (reason) {
            case INSUFFICIENT_DEVICES, CLAIM_ID_CONFLICT, UNKNOWN_GROUP, UNKNOWN_HOST, HOST_STALE, CLAIM_NOT_LIVE -> 409;
            case NON_MIGRATABLE_MIX -> 422;
            case INVALID_REQUEST -> 400;
            case NOT_AUTHORIZED -> 403;
            case UNKNOWN_CLAIM -> 404;
            case UNKNOWN -> 500;
        };
    }
}
