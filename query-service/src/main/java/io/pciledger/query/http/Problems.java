package io.pciledger.query.http;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Writes problem documents (RFC 9457): {@code type}, {@code title}, {@code status}, {@code detail}, {@code instance}, {@code reason}. */
final class Problems {

    static final String CONTENT_TYPE = "application/problem+json";

    private Problems() {
    }

    static void write(final Context ctx, final ApiProblem problem) {
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:pci-ledger:problem:" + problem.reason().toLowerCase(Locale.ROOT).replace('_', '-'));
        body.put("title", HttpStatus.forStatus(problem.status()).getMessage());
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        body.put("instance", ctx.path());
        body.put("reason", problem.reason());
        body.putAll(problem.extensions());
        ctx.status(problem.status()).json(body).contentType(CONTENT_TYPE);
    }
}
