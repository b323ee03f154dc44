package io.pciledger.cli.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pciledger.cli.audit.FleetSnapshot.ClaimEntry;
import io.pciledger.cli.audit.FleetSnapshot.DeviceEntry;
import io.pciledger.cli.audit.FleetSnapshot.GroupEntry;
import io.pciledger.cli.audit.FleetSnapshot.PoolEntry;
import io.pciledger.query.http.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The live state as the HTTP API serves it ({@code docs/api.md}), read with the JDK's HTTP client: the host list,
 * each host's position, pools and devices, claims by id, and the group counts. Answers are read into the records of
 * {@link FleetSnapshot}, whose members are the API's. Thread-safe.
 */
public final class LiveApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json = Json.mapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final URI base;
    private final String token;

    /**
     * @param base  the API's root, e.g. {@code http://127.0.0.1:8080/}
     * @param token a bearer token of an admin or a reader (a tenant sees only its own groups)
     */
    public LiveApi(final URI base, final String token) {
        this.base = base.toString().endsWith("/") ? base : URI.create(base + "/");
        this.token = Objects.requireNonNull(token, "token");
    }

    /** A host in {@code GET /v1/hosts}: its stale flag and free devices per group (from {@code pci.host-pools}). */
    public record HostListing(String host, boolean stale, Map<String, Integer> free) {
    }

    /** {@code GET /v1/hosts/{host}}: the host's ledger position, stale flag, pools and number of live claims. */
    public record HostStatus(String host, long ledgerSeq, boolean stale, Instant staleSince, List<PoolEntry> pools,
            int liveClaims) {
    }

    /** {@code GET /v1/hosts/{host}/devices}: the host's devices at ledger position {@code ledgerSeq}. */
    public record DeviceListing(String host, long ledgerSeq, List<DeviceEntry> devices) {
    }

    private record Hosts(List<HostListing> hosts) {
    }

    private record Groups(List<GroupEntry> groups) {
    }

    /** Every host the API lists. */
    public List<HostListing> hosts() {
        return read(get("v1/hosts"), Hosts.class).hosts();
    }

    /** The host's status, or empty when the ledger has no history for it. */
    public Optional<HostStatus> host(final String host) {
        return readUnlessNotFound(get("v1/hosts/" + segment(host)), HostStatus.class);
    }

    /** The host's devices, or empty when the ledger has no history for it. */
    public Optional<DeviceListing> devices(final String host) {
        return readUnlessNotFound(get("v1/hosts/" + segment(host) + "/devices"), DeviceListing.class);
    }

    /** A claim decided on {@code host}, or empty when that host decided none by that id. */
    public Optional<ClaimEntry> claim(final String host, final String claimId) {
        return readUnlessNotFound(get("v1/hosts/" + segment(host) + "/claims/" + segment(claimId)), ClaimEntry.class);
    }

    /** Every group's cloud-wide counts (from {@code pci.group-counts}). */
    public List<GroupEntry> groups() {
        return read(get("v1/groups"), Groups.class).groups();
    }

    /**
     * Checks that the token may read everything: only admins and readers may read ledger pages, and a tenant's token
     * would show only its own groups.
     *
     * @throws LiveApiException when it may not
     */
    public void requireAuditor() {
        final HttpResponse<String> answer = get("v1/ledger?host=pci-ledger-verify&limit=1");
        if (answer.statusCode() == 403) {
            throw new LiveApiException(403, "verify needs an admin or reader token: a tenant's token sees only its "
                    + "own groups (" + problem(answer) + ")");
        }
        read(answer, JsonNode.class);
    }

    private HttpResponse<String> get(final String path) {
        final HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (final IOException e) {
            throw new UncheckedIOException("cannot reach the API at " + request.uri() + ": " + e, e);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking " + request.uri(), e);
        }
    }

    private <T> Optional<T> readUnlessNotFound(final HttpResponse<String> answer, final Class<T> type) {
        return answer.statusCode() == 404 ? Optional.empty() : Optional.of(read(answer, type));
    }

    private <T> T read(final HttpResponse<String> answer, final Class<T> type) {
        if (answer.statusCode() != 200) {
            throw new LiveApiException(answer.statusCode(), answer.request().uri() + " answered "
                    + answer.statusCode() + ": " + problem(answer));
        }
        try {
            return json.readValue(answer.body(), type);
        } catch (final IOException e) {
            throw new LiveApiException(answer.statusCode(), answer.request().uri() + " answered what is not "
                    + type.getSimpleName() + ": " + e.getMessage());
        }
    }

    private String problem(final HttpResponse<String> answer) {
        try {
            final JsonNode problem = json.readTree(answer.body());
            return problem.path("reason").asText("?") + ": " + problem.path("detail").asText(answer.body());
        } catch (final IOException notJson) {
            return answer.body();
        }
    }

    private static String segment(final String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
