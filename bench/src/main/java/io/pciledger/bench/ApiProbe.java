package io.pciledger.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** Set-up calls to the service under test: waits until it shows what was seeded, before anything is measured. */
final class ApiProbe {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private ApiProbe() {
    }

    /** {@code GET path} as JSON; null when it is not answered with 200. */
    static JsonNode get(final ServiceUnderTest service, final String path) throws IOException, InterruptedException {
        final HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Authorization", "Bearer " + service.token()).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    }

    /**
     * Polls {@code GET path} until its answer satisfies {@code condition}.
     *
     * @throws IllegalStateException naming {@code what} when {@code timeout} passes first
     */
    static void awaitAnswer(final ServiceUnderTest service, final String path, final Predicate<JsonNode> condition,
            final Duration timeout, final String what) throws IOException, InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = get(service, path);
            if (last != null && condition.test(last)) {
                return;
            }
            Thread.sleep(200);
        }
        final String shown = last == null ? "no 200 answer" : last.toString();
        throw new IllegalStateException("the service did not show " + what + " within " + timeout.toSeconds()
                + " s; GET " + path + " last gave: " + shown.substring(0, Math.min(500, shown.length())));
    }
}
