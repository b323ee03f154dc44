package io.pciledger.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Both load tools against a small HTTP server in this JVM on loopback: what they send, and what they count. */
class LoadToolsTest {

    private HttpServer server;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void startServer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            final boolean authorized = "Bearer secret".equals(exchange.getRequestHeaders().getFirst("Authorization"));
            seen.add(exchange.getRequestURI().toString() + (authorized ? "" : " without the token"));
            final byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/broken") ? 500 : 200,
                    body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private LoadPlan plan(final List<String> paths) {
        return new LoadPlan("http://127.0.0.1:" + server.getAddress().getPort(), paths, "secret", 2, 1,
                Duration.ZERO, Duration.ofSeconds(1));
    }

    @Test
    void wrkSendsEveryPathWithTheTokenAndCountsFailedStatuses() throws Exception {
        assumeTrue(WrkLoad.find().isPresent(), "wrk is not on the PATH (Debian: apt-get install wrk)");

        final LoadResult result = WrkLoad.find().orElseThrow()
                .run(plan(List.of("/v1/groups/a", "/broken", "/v1/candidates?item=a:1&port=direct:b")));

        assertThat(seen).containsExactlyInAnyOrder("/v1/groups/a", "/broken",
                "/v1/candidates?item=a:1&port=direct:b");
        assertThat(result.requests()).isPositive();
        assertThat(result.failures()).isPositive().isLessThan(result.requests());
        assertThat(result.tool()).startsWith("wrk").contains("2 connections");
        assertThat(result.p50Ms()).isLessThanOrEqualTo(result.p99Ms());
    }

    @Test
    void javaLoadSendsEveryPathWithTheTokenAndCountsFailedStatuses() throws Exception {
        final LoadResult result = new JavaHttpLoad().run(plan(List.of("/v1/groups/a", "/broken")));

        assertThat(seen).containsExactlyInAnyOrder("/v1/groups/a", "/broken");
        assertThat(result.requests()).isPositive();
        assertThat(result.failures()).isPositive().isLessThan(result.requests());
        assertThat(result.tool()).startsWith("Java");
    }

    @Test
    void wrkFiguresAreReadFromTheDoneHooksLine() {
        final LoadResult result = WrkLoad.parse("Running 30s test @ http://127.0.0.1:1\n"
                + "  1 threads and 32 connections\n"
                + WrkLoad.MARKER + " requests=600000 duration_us=30000000 p50_us=1200 p95_us=2500 p99_us=4100"
                + " max_us=30000 status_errors=3 socket_errors=2\n", "wrk test", 15.0);

        assertThat(result.requests()).isEqualTo(600_000);
        assertThat(result.requestsPerSecond()).isEqualTo(20_000.0);
        assertThat(result.p50Ms()).isEqualTo(1.2);
        assertThat(result.p95Ms()).isEqualTo(2.5);
        assertThat(result.p99Ms()).isEqualTo(4.1);
        assertThat(result.maxMs()).isEqualTo(30.0);
        assertThat(result.failures()).isEqualTo(5);
        assertThat(result.cpuMicrosPerRequest()).isEqualTo(25.0);
    }

    @Test
    void wrkOutputWithoutTheFiguresIsAnError() {
        assertThatThrownBy(() -> WrkLoad.parse("PANIC: unprotected error in call to Lua API", "wrk", 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(WrkLoad.MARKER)
                .hasMessageContaining("PANIC");
    }

    @Test
    void onlyPrintableAsciiGoesIntoTheScript() {
        assertThatThrownBy(() -> WrkLoad.script(List.of("/v1/groups/a\n"), "secret"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(WrkLoad.script(List.of("/v1/groups/\"a\""), "secret")).contains("\"/v1/groups/\\\"a\\\"\"");
    }

    @Test
    void anUnknownToolIsRefusedByName() {
        assertThatThrownBy(() -> LoadTool.choose("ab"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--load-tool")
                .hasMessageContaining("'ab'");
    }
}
