package io.pciledger.cli.audit;

/** The API answered a request of {@code pci-ledger verify} with an error it cannot work around. */
public final class LiveApiException extends RuntimeException {

    private final int status;

    public LiveApiException(final int status, final String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status of the answer. */
    public int status() {
        return status;
    }

    /** Whether the token was refused, or is not one that may read everything (the caller's input is wrong). */
    public boolean isAboutTheToken() {
        return status == 401 || status == 403;
    }
}
