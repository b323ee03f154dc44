package io.pciledger.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;

/**
 * An HTTP API that lies: it forwards every GET to the real one and hands back its answer, except that the answer to
 * one path is rewritten first. What {@code verify} must catch.
 */
final class FabricatingProxy implements AutoCloseable {

    private final HttpClient http = HttpClient.newHttpClient();
    private final HttpServer server;

    FabricatingProxy(final String realApi, final String path, final UnaryOperator<String> rewrite) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> forward(exchange, realApi, path, rewrite));
        server.start();
    }

    String api() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    private void forward(final HttpExchange exchange, final String realApi, final String path,
            final UnaryOperator<String> rewrite) throws IOException {
        try (exchange) {
            final URI asked = exchange.getRequestURI();
            final HttpResponse<String> real = http.send(HttpRequest.newBuilder(URI.create(realApi).resolve(
                            asked.getRawPath().substring(1) + (asked.getRawQuery() == null ? "" : "?" + asked.getRawQuery())))
                    .header("Authorization", exchange.getRequestHeaders().getFirst("Authorization")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            final String body = asked.getPath().equals(path) ? rewrite.apply(real.body()) : real.body();
            final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type",
                    real.headers().firstValue("Content-Type").orElse("application/json"));
            exchange.sendResponseHeaders(real.statusCode(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
