package io.pciledger.query.http;

import io.javalin.http.Context;
import io.pciledger.ledger.query.InstanceEndpoint;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Passes a request on to the instance that holds its key (a read, or a claim to place), with the caller's token, and
 * relays the answer as it is. The forwarded request carries {@value #FORWARDED}, so the receiver answers from what it
 * holds instead of forwarding again (no loops while instances disagree during a rebalance).
 */
final class Forwarder {

    static final String FORWARDED = "X-PCI-Ledger-Forwarded";
    /** On an answer: the instance that answered it (and whether from a standby). */
    static final String SERVED_BY = "X-PCI-Ledger-Served-By";
    /** On a forwarded request: a standby replica may answer. */
    static final String STANDBY_ALLOWED = "X-PCI-Ledger-Standby-Allowed";

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Duration timeout;

    Forwarder(final Duration timeout) {
        this.timeout = timeout;
    }

    /**
     * Relays {@code pathAndQuery} from {@code target} into {@code ctx}.
     *
     * @throws IOException when {@code target} cannot be reached (down, or not serving)
     */
    void forward(final Context ctx, final InstanceEndpoint target, final String pathAndQuery,
            final boolean standbyAllowed) throws IOException, InterruptedException {
        relay(ctx, target, get(ctx, target, pathAndQuery, standbyAllowed));
    }

    /**
     * Posts this request's JSON body to {@code pathAndQuery} on {@code target} with the caller's token, as a forwarded
     * request, and waits for the answer up to {@code answerTimeout}.
     *
     * @throws java.net.http.HttpTimeoutException when {@code target} took longer than that (it may still act on it)
     * @throws IOException when {@code target} cannot be reached
     */
    HttpResponse<byte[]> post(final Context ctx, final InstanceEndpoint target, final String pathAndQuery,
            final Duration answerTimeout) throws IOException, InterruptedException {
        final HttpRequest request = request(ctx, target, pathAndQuery, answerTimeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(ctx.bodyAsBytes()))
                .build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Asks {@code target} for {@code pathAndQuery} with the caller's token, as a forwarded request. */
    HttpResponse<byte[]> get(final Context ctx, final InstanceEndpoint target, final String pathAndQuery,
            final boolean standbyAllowed) throws IOException, InterruptedException {
        final HttpRequest.Builder request = request(ctx, target, pathAndQuery, timeout).GET();
        if (standbyAllowed) {
            request.header(STANDBY_ALLOWED, "true");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static HttpRequest.Builder request(final Context ctx, final InstanceEndpoint target,
            final String pathAndQuery, final Duration answerTimeout) {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + target + pathAndQuery))
                .timeout(answerTimeout)
                .header(FORWARDED, "true");
        final String authorization = ctx.header("Authorization");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    /** Writes {@code target}'s {@code answer} into {@code ctx} as it is. */
    static void relay(final Context ctx, final InstanceEndpoint target, final HttpResponse<byte[]> answer) {
        ctx.status(answer.statusCode());
        answer.headers().firstValue("Content-Type").ifPresent(ctx::contentType);
        answer.headers().firstValue("Retry-After").ifPresent(retry -> ctx.header("Retry-After", retry));
        ctx.header(SERVED_BY, answer.headers().firstValue(SERVED_BY).orElse(target.toString()));
        ctx.result(answer.body());
    }

    /** Whether {@code ctx} was forwarded by another instance, which must then not be forwarded again. */
    static boolean isForwarded(final Context ctx) {
        return ctx.header(FORWARDED) != null;
    }

    static String pathAndQuery(final Context ctx) {
        final String query = ctx.queryString();
        return query == null ? ctx.path() : ctx.path() + "?" + query;
    }
}
