package io.pciledger.query.http;

import io.javalin.http.Context;
import io.pciledger.query.auth.Principal;
import io.pciledger.query.metrics.ServiceMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The unauthenticated operational endpoints: {@code /healthz} (the process answers), {@code /readyz} (it can
 * serve: Kafka Streams is RUNNING, its stores answer, the cloud-wide views have caught up, the claim-result
 * watcher is positioned), {@code /metrics} (Prometheus) and {@code /openapi.json}.
 */
final class OpsApi {

    static final String OPENAPI_RESOURCE = "/io/pciledger/query/openapi.json";

    private final Supplier<Map<String, Boolean>> readiness;
    private final ServiceMetrics metrics;
    private final byte[] openApi;

    OpsApi(final Supplier<Map<String, Boolean>> readiness, final ServiceMetrics metrics) {
        this.readiness = readiness;
        this.metrics = metrics;
        this.openApi = openApiDocument();
    }

    static byte[] openApiDocument() {
        try (InputStream document = OpsApi.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (document == null) {
                throw new IllegalStateException("the build lost " + OPENAPI_RESOURCE);
            }
            return document.readAllBytes();
        } catch (final IOException unreadable) {
            throw new IllegalStateException("cannot read " + OPENAPI_RESOURCE, unreadable);
        }
    }

    List<Route> routes() {
        return List.of(
                Route.get("/healthz", Access.PUBLIC, this::health),
                Route.get("/readyz", Access.PUBLIC, this::ready),
                Route.get("/metrics", Access.PUBLIC, this::metrics),
                Route.get("/openapi.json", Access.PUBLIC, this::openApi));
    }

    private void health(final Context ctx, final Principal nobody) {
        ctx.json(Map.of("status", "ok"));
    }

    private void ready(final Context ctx, final Principal nobody) {
        final Map<String, Boolean> checks = readiness.get();
        final boolean ready = checks.values().stream().allMatch(Boolean::booleanValue);
        ctx.status(ready ? 200 : 503).json(Map.of("status", ready ? "ready" : "not ready", "checks", checks));
    }

    private void metrics(final Context ctx, final Principal nobody) {
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
    }

    private void openApi(final Context ctx, final Principal nobody) {
        ctx.contentType("application/json").result(openApi);
    }
}
