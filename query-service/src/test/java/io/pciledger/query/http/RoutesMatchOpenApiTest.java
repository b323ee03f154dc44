package io.pciledger.query.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes exactly the routes the server registers, with the same access. */
class RoutesMatchOpenApiTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedOperationIsARoute() throws Exception {
        final JsonNode document = new ObjectMapper().readTree(OpsApi.openApiDocument());
        final Set<String> documented = new TreeSet<>();
        final Set<String> documentedPublic = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            if (METHODS.contains(op.getKey())) {
                final String operation = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                documented.add(operation);
                final JsonNode security = op.getValue().get("security");
                if (security != null && security.isEmpty()) {
                    documentedPublic.add(operation);
                }
            }
        }));

        final Set<String> served = new TreeSet<>();
        final Set<String> servedPublic = new TreeSet<>();
        for (final Route route : Api.routes(null, null, null, null, null, Duration.ZERO, 1, null, null, Runnable::run)) {
            final String operation = route.method().name() + " " + route.path();
            served.add(operation);
            if (route.access() == Access.PUBLIC) {
                servedPublic.add(operation);
            }
        }

        assertThat(served).isEqualTo(documented);
        assertThat(servedPublic).isEqualTo(documentedPublic)
                .containsExactlyInAnyOrder("GET /healthz", "GET /readyz", "GET /metrics", "GET /openapi.json");
    }

    @Test
    void everyDocumentedPathParameterIsDeclared() throws Exception {
        final JsonNode document = new ObjectMapper().readTree(OpsApi.openApiDocument());
        document.get("paths").fields().forEachRemaining(path -> {
            final Set<String> declared = new TreeSet<>();
            final JsonNode parameters = path.getValue().get("parameters");
            if (parameters != null) {
                parameters.forEach(parameter -> declared.add(parameter.get("name").asText()));
            }
            final Set<String> inPath = new TreeSet<>();
            final var matcher = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(path.getKey());
            while (matcher.find()) {
                inPath.add(matcher.group(1));
            }
            assertThat(declared).as(path.getKey()).containsAll(inPath);
        });
    }
}
