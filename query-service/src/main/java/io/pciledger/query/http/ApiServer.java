package io.pciledger.query.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinJackson;
import io.pciledger.query.auth.Authenticator;
import io.pciledger.query.auth.Principal;
import io.pciledger.query.metrics.ServiceMetrics;
import java.util.List;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server (Javalin on Jetty): registers every {@link Route}, authenticates each request as its route's
 * {@link Access} requires, and renders every failure as a problem document. Handlers never see an unauthenticated
 * request on a protected route.
 */
public final class ApiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    private static final int COPY_BUFFER_BYTES = 4096;
    private static final int MIN_THREADS = 4;

    private final Javalin app;

    private ApiServer(final Javalin app) {
        this.app = app;
    }

    /**
     * Starts serving {@code routes} on {@code host}:{@code port} (port 0: any free port) with {@code threads}
     * server threads; handlers must not wait on them ({@link WaitingRequests}).
     */
    public static ApiServer start(final String host, final int port, final int threads, final List<Route> routes,
            final Authenticator authenticator, final ServiceMetrics metrics) {
        final Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            final QueuedThreadPool pool = new QueuedThreadPool(threads, Math.min(threads, MIN_THREADS));
            pool.setName("http-server");
            config.jetty.threadPool = pool;
            // Javalin copies each answer to the response through a new buffer of this size (Jetty's 32 KiB output
            // buffer size by default): with answers of a few hundred bytes that buffer was most of the memory a
            // request allocated. Larger answers are copied in several writes into Jetty's own buffer.
            config.http.responseBufferSize = COPY_BUFFER_BYTES;
            config.jsonMapper(new JavalinJackson(Json.mapper(), false));
            config.requestLogger.http((ctx, millis) -> metrics.request(ctx.method().name(), routeOf(ctx),
                    ctx.statusCode(), millis));
            for (final Route route : routes) {
                config.routes.addHttpHandler(route.method(), route.path(),
                        ctx -> route.handler().handle(ctx, authorize(ctx, route.access(), authenticator)));
            }
            config.routes.exception(ApiProblem.class, (problem, ctx) -> Problems.write(ctx, problem));
            config.routes.exception(JsonProcessingException.class, (unreadable, ctx) -> Problems.write(ctx,
                    ApiProblem.badRequest("the body is not the JSON this endpoint takes: "
                            + unreadable.getOriginalMessage())));
            config.routes.exception(IllegalArgumentException.class, (wrong, ctx) -> Problems.write(ctx,
                    ApiProblem.badRequest(wrong.getMessage())));
            config.routes.exception(SecurityException.class, (refused, ctx) -> Problems.write(ctx,
                    ApiProblem.forbidden(refused.getMessage())));
            config.routes.exception(java.util.NoSuchElementException.class, (missing, ctx) -> Problems.write(ctx,
                    ApiProblem.notFound("NOT_FOUND", missing.getMessage())));
            config.routes.exception(HttpResponseException.class, (failure, ctx) -> Problems.write(ctx,
                    fromJavalin(ctx, failure)));
            config.routes.exception(Exception.class, (failure, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), failure);
                Problems.write(ctx, new ApiProblem(500, "INTERNAL_ERROR", "the service failed to answer: "
                        + failure.getClass().getSimpleName() + ": " + failure.getMessage()));
            });
        });
        app.start(host, port);
        LOG.info("Serving the API on http://{}:{}", host, app.port());
        return new ApiServer(app);
    }

    private static ApiProblem fromJavalin(final Context ctx, final HttpResponseException failure) {
        return switch (failure.getStatus()) {
            case 404 -> ApiProblem.notFound("NO_SUCH_ENDPOINT", "no endpoint " + ctx.method() + " " + ctx.path()
                    + "; see /openapi.json");
            case 405 -> new ApiProblem(405, "METHOD_NOT_ALLOWED", ctx.method() + " is not allowed on " + ctx.path());
            default -> new ApiProblem(failure.getStatus(), "HTTP_" + failure.getStatus(), failure.getMessage());
        };
    }

    private static Principal authorize(final Context ctx, final Access access, final Authenticator authenticator) {
        if (access == Access.PUBLIC) {
            return null;
        }
        final Principal principal = authenticator.authenticate(ctx.header("Authorization"))
                .orElseThrow(() -> new ApiProblem(401, "UNAUTHENTICATED",
                        "send a valid token as 'Authorization: Bearer <token>'"));
        if (access == Access.WRITE && !principal.mayWrite()) {
            throw ApiProblem.forbidden("a reader's token may only read");
        }
        if (access == Access.ADMIN && !principal.isAdmin()) {
            throw ApiProblem.forbidden("only an admin may do this");
        }
        return principal;
    }

    private static String routeOf(final Context ctx) {
        try {
            return ctx.endpoint().path;
        } catch (final RuntimeException noEndpoint) {
            return "unmatched";
        }
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }
}
