package io.pciledger.query.claims;

/**
 * A command whose committed answer did not arrive in time. The command may still be decided: the client should
 * retry with the same claim id (and the same host), which returns the decision once without allocating twice.
 */
public final class ClaimTimeoutException extends RuntimeException {

    private final String host;

    public ClaimTimeoutException(final String claimId, final String host, final java.time.Duration waited) {
        super("no committed answer to claim " + claimId + " on host " + host + " within " + waited.toMillis()
                + " ms; retry with the same claim_id and host " + host);
        this.host = host;
    }

    public String host() {
        return host;
    }
}
