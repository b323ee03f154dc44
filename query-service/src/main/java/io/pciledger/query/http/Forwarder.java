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
 * Passes a read on to the instance that holds its key, with the caller's token, and relays the answer as it is.
 * The forwarded request carries {@value #FORWARDED}, so the receiver answers from what it holds instead of
 * forwarding again (no loops while instances disagree during a rebalance).
 */
final class Forwarder {

    static final String FORWARDED = "X-PCI-Ledger-Forwarded";
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
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + target + pathAndQuery))
                .timeout(timeout)
                .header(FORWARDED, "true")
                .GET();
        final String authorization = ctx.header("Authorization");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (standbyAllowed) {
            request.header(STANDBY_ALLOWED, "true");
        }
        final HttpResponse<byte[]> answer = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        ctx.status(answer.statusCode());
        answer.headers().firstValue("Content-Type").ifPresent(ctx::contentType);
        ctx.header("X-PCI-Ledger-Served-By", answer.headers().firstValue("X-PCI-Ledger-Served-By").orElse(target.toString()));
        ctx.result(answer.body());
    }

    static String pathAndQuery(final Context ctx) {
        final String query = ctx.queryString();
        return query == null ? ctx.path() : ctx.path() + "?" + query;
    }
}
