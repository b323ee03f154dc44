package io.pciledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * Calls the API of an instance known only by its address (one in a child JVM), with a bearer token. A request that
 * gets no HTTP answer at all (connection refused or reset, timeout: a dead instance) is a {@link Reply} of status
 * {@link #NO_ANSWER}, not an exception, so that callers can go to another instance.
 */
final class ApiClient {

    /** The status of a request that got no HTTP answer. */
    static final int NO_ANSWER = -1;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String token;

    ApiClient(final String token) {
        this.token = token;
    }

    /** An answer: its status, its body as JSON (text that is not JSON as a text node) and who served it. */
    record Reply(int status, JsonNode body, Optional<String> servedBy) {
    }

    Reply get(final URI instance, final String path) throws InterruptedException {
        return send(instance, "GET", path, null);
    }

    /**
     * @param body a JSON request body, or null for none
     */
    Reply send(final URI instance, final String method, final String path, final String body)
            throws InterruptedException {
        final HttpRequest.Builder request = HttpRequest.newBuilder(instance.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        final HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (final IOException noAnswer) {
            return new Reply(NO_ANSWER, JSON.nullNode(), Optional.empty());
        }
        return new Reply(response.statusCode(), json(response.body()),
                response.headers().firstValue("X-PCI-Ledger-Served-By"));
    }

    private static JsonNode json(final String text) {
        try {
            return text.isBlank() ? JSON.nullNode() : JSON.readTree(text);
        } catch (final IOException notJson) {
            return JSON.getNodeFactory().textNode(text);
        }
    }
}
