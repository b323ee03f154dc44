package io.pciledger.bench;

import java.time.Duration;
import java.util.List;

/**
 * What a {@link LoadTool} sends: {@code GET} requests for {@code paths} in turn (each client thread rotating
 * through them) to {@code baseUrl} with a bearer token, from {@code connections} keep-alive connections in a closed
 * loop (each sends its next request when the previous one is answered), for a warm-up that is not measured and
 * then for {@code duration}.
 *
 * @param baseUrl     e.g. {@code http://127.0.0.1:41234}, loopback only
 * @param paths       paths with their query strings, e.g. {@code /v1/groups/gpu-a100}
 * @param token       the bearer token sent with every request
 * @param connections concurrent connections, each one request at a time
 * @param threads     load generator threads (wrk's {@code -t}); the Java generator uses one thread per connection
 */
record LoadPlan(String baseUrl, List<String> paths, String token, int connections, int threads, Duration warmup,
        Duration duration) {

    LoadPlan {
        paths = List.copyOf(paths);
        if (paths.isEmpty()) {
            throw new IllegalArgumentException("a load plan needs at least one path");
        }
        if (connections < 1 || threads < 1 || threads > connections) {
            throw new IllegalArgumentException("need 1 <= threads <= connections, not threads " + threads
                    + " and connections " + connections);
        }
    }
}
