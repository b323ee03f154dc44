package io.pciledger.query.http;

import io.javalin.http.HandlerType;
import java.util.Objects;

/**
 * One endpoint of the API: method, path (Javalin's {@code {param}} syntax, as in the OpenAPI document), who may
 * call it, and what answers it. The list of routes is the one place the API is declared; {@link ApiServer}
 * registers it and a test checks it against {@code openapi.json}.
 */
public record Route(HandlerType method, String path, Access access, ApiHandler handler) {

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(handler, "handler");
    }

    public static Route get(final String path, final Access access, final ApiHandler handler) {
        return new Route(HandlerType.GET, path, access, handler);
    }

    public static Route post(final String path, final Access access, final ApiHandler handler) {
        return new Route(HandlerType.POST, path, access, handler);
    }

    public static Route put(final String path, final Access access, final ApiHandler handler) {
        return new Route(HandlerType.PUT, path, access, handler);
    }

    public static Route delete(final String path, final Access access, final ApiHandler handler) {
        return new Route(HandlerType.DELETE, path, access, handler);
    }
}
