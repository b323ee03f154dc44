package io.pciledger.query.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the API refuses or cannot answer, rendered as a problem document (RFC 9457,
 * {@code application/problem+json}) by {@link ApiServer}: the HTTP status, a reason code a program can act on
 * (the ledger's reject reasons, e.g. {@code INSUFFICIENT_DEVICES}, or the API's own, e.g. {@code BAD_REQUEST}),
 * and a detail a person understands.
 */
public final class ApiProblem extends RuntimeException {

    private final int status;
    private final String reason;
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    public ApiProblem(final int status, final String reason, final String detail) {
        super(detail);
        this.status = status;
        this.reason = reason;
    }

    public static ApiProblem badRequest(final String detail) {
        return new ApiProblem(400, "BAD_REQUEST", detail);
    }

    public static ApiProblem notFound(final String reason, final String detail) {
        return new ApiProblem(404, reason, detail);
    }

    public static ApiProblem forbidden(final String detail) {
        return new ApiProblem(403, "NOT_AUTHORIZED", detail);
    }

    /** Adds a member to the problem document (e.g. the host a timed-out claim was sent to). */
    public ApiProblem with(final String member, final Object value) {
        extensions.put(member, value);
        return this;
    }

    public int status() {
        return status;
    }

    public String reason() {
        return reason;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> extensions() {
        return Map.copyOf(extensions);
    }
}
