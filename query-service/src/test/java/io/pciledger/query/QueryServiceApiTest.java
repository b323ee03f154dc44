package io.pciledger.query;

import static io.pciledger.query.ServiceHarness.ACME;
import static io.pciledger.query.ServiceHarness.ADMIN;
import static io.pciledger.query.ServiceHarness.OTHER;
import static io.pciledger.query.ServiceHarness.READER;
import static io.pciledger.query.ServiceHarness.call;
import static io.pciledger.query.ServiceHarness.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.pciledger.query.ServiceHarness.Answer;
import io.pciledger.testkit.KafkaCluster;
import io.pciledger.testkit.KafkaTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Every endpoint of the API and every error status, against one service on a real broker. */
@KafkaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryServiceApiTest {

    private static final String HOST = "compute-1";
    private static final String OTHER_HOST = "compute-2";

    private ServiceHarness harness;
    private QueryService service;

    @BeforeAll
    void start(final KafkaCluster kafka) throws Exception {
        harness = new ServiceHarness(kafka, Files.createTempDirectory("query-api"));
        service = harness.startInstance(Map.of());
        harness.report(HOST, ServiceHarness.devices("gpu-a100", 2, 4));
        harness.report(OTHER_HOST, ServiceHarness.devices("gpu-a100", 4, 4));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                get(service, "/v1/groups/gpu-a100", ADMIN).body().path("total").asInt() == 6);
    }

    @AfterAll
    void stop() {
        if (harness != null) {
            harness.close();
        }
    }

    private Answer claim(final String token, final String body) throws Exception {
        return call(service, "POST", "/v1/claims", token, body);
    }

    private static void assertProblem(final Answer answer, final int status, final String reason) {
        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().path("status").asInt()).isEqualTo(status);
        assertThat(answer.body().path("reason").asText()).isEqualTo(reason);
        assertThat(answer.body().path("detail").asText()).isNotBlank();
    }

    @Test
    void operationalEndpointsNeedNoToken() throws Exception {
        assertThat(get(service, "/healthz", null).status()).isEqualTo(200);
        final Answer ready = get(service, "/readyz", null);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.body().path("checks").path("ledger_running").asBoolean()).isTrue();
        final Answer metrics = get(service, "/metrics", null);
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body().asText()).contains("jvm_memory_used_bytes").contains("kafka_stream")
                .contains("pci_ledger_http_requests_seconds_count");
        assertThat(get(service, "/openapi.json", null).body().path("openapi").asText()).startsWith("3.");
    }

    @Test
    void everythingElseNeedsAValidToken() throws Exception {
        assertProblem(get(service, "/v1/groups", null), 401, "UNAUTHENTICATED");
        assertProblem(get(service, "/v1/groups", "not-a-token"), 401, "UNAUTHENTICATED");
        assertProblem(get(service, "/v1/nowhere", ADMIN), 404, "NO_SUCH_ENDPOINT");
    }

    @Test
    void groupsShowTheirCountsOverallAndPerHost() throws Exception {
        final Answer gpus = get(service, "/v1/groups/gpu-a100?per_host=true", ACME);
        assertThat(gpus.status()).isEqualTo(200);
        assertThat(gpus.body().path("visibility").asText()).isEqualTo("public");
        final List<String> hosts = new ArrayList<>();
        gpus.body().path("hosts").forEach(host -> hosts.add(host.path("host").asText()));
        assertThat(hosts).contains(HOST, OTHER_HOST);
        final List<String> groups = new ArrayList<>();
        get(service, "/v1/groups", ACME).body().path("groups").forEach(g -> groups.add(g.path("group").asText()));
        assertThat(groups).contains("gpu-a100", "physnet1");
        assertProblem(get(service, "/v1/groups/no-such-group", ACME), 404, "UNKNOWN_GROUP");
        assertProblem(get(service, "/v1/groups/gpu-a100?per_host=maybe", ACME), 400, "BAD_REQUEST");
    }

    @Test
    void aGroupsAnswerFollowsItsCountsAsClaimsChangeThem() throws Exception {
        final Answer before = get(service, "/v1/groups/gpu-a100", ACME);
        assertThat(before.contentType()).startsWith("application/json");
        final int available = before.body().path("available").asInt();

        final Answer granted = claim(ACME, "{\"claim_id\": \"count-1\", \"instance\": \"vm\", \"host\": \""
                + OTHER_HOST + "\", \"items\": [{\"group\": \"gpu-a100\", \"count\": 1}]}");
        assertThat(granted.status()).as(granted.body().toString()).isEqualTo(201);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                get(service, "/v1/groups/gpu-a100", ACME).body().path("available").asInt() == available - 1);
        assertThat(get(service, "/metrics", null).body().asText())
                .containsPattern("pci_ledger_command_stage_seconds_count\\{stage=\"acknowledged\"[^}]*} [1-9]")
                .containsPattern("pci_ledger_command_stage_seconds_count\\{stage=\"committed\"[^}]*} [1-9]");
        assertThat(call(service, "DELETE", "/v1/claims/count-1", ACME, null).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                get(service, "/v1/groups/gpu-a100", ACME).body().path("available").asInt() == available);
    }

    @Test
    void privateGroupsAreRegisteredByAdminsAndHiddenFromOtherTenants() throws Exception {
        harness.report("compute-9", ServiceHarness.devices("secret-gpu", 1, 0));
        await().atMost(Duration.ofSeconds(60)).until(() ->
                get(service, "/v1/groups/secret-gpu", ADMIN).status() == 200);
        assertProblem(call(service, "PUT", "/v1/groups/secret-gpu", ACME, "{\"visibility\": \"private\"}"), 403,
                "NOT_AUTHORIZED");
        assertProblem(call(service, "PUT", "/v1/groups/secret-gpu", READER, "{\"visibility\": \"private\"}"), 403,
                "NOT_AUTHORIZED");
        assertProblem(call(service, "PUT", "/v1/groups/secret-gpu", ADMIN, "{\"visibility\": \"hidden\"}"), 400,
                "BAD_REQUEST");
        assertProblem(call(service, "PUT", "/v1/groups/secret-gpu", ADMIN, "{\"visibilty\": \"private\"}"), 400,
                "BAD_REQUEST");

        final Answer registered = call(service, "PUT", "/v1/groups/secret-gpu", ADMIN,
                "{\"owner_tenant\": \"acme\", \"visibility\": \"private\", \"description\": \"acme's A100s\"}");
        assertThat(registered.status()).as(registered.body().toString()).isEqualTo(200);
        assertThat(registered.body().path("owner_tenant").asText()).isEqualTo("acme");

        assertThat(get(service, "/v1/groups/secret-gpu", ACME).status()).isEqualTo(200);
        assertProblem(get(service, "/v1/groups/secret-gpu", OTHER), 403, "NOT_AUTHORIZED");
        assertProblem(get(service, "/v1/candidates?item=secret-gpu:1", OTHER), 403, "NOT_AUTHORIZED");
        assertProblem(claim(OTHER, "{\"claim_id\": \"steal-1\", \"instance\": \"vm\", \"items\": "
                + "[{\"group\": \"secret-gpu\", \"count\": 1}]}"), 403, "NOT_AUTHORIZED");
        final List<String> seenByOther = new ArrayList<>();
        get(service, "/v1/groups", OTHER).body().path("groups")
                .forEach(group -> seenByOther.add(group.path("group").asText()));
        assertThat(seenByOther).doesNotContain("secret-gpu");

        final Answer owned = claim(ACME, "{\"claim_id\": \"own-1\", \"instance\": \"vm\", \"items\": "
                + "[{\"group\": \"secret-gpu\", \"count\": 1}]}");
        assertThat(owned.status()).as(owned.body().toString()).isEqualTo(201);
        assertThat(owned.body().path("host").asText()).isEqualTo("compute-9");

        assertThat(call(service, "DELETE", "/v1/groups/secret-gpu", ADMIN, null).status()).isEqualTo(204);
        assertThat(get(service, "/v1/groups/secret-gpu", OTHER).status()).isEqualTo(200);
        assertProblem(call(service, "DELETE", "/v1/groups/secret-gpu", ADMIN, null), 404, "NOT_FOUND");
    }

    @Test
    void hostsDevicesAndHistoriesAreReadable() throws Exception {
        final List<String> hosts = new ArrayList<>();
        get(service, "/v1/hosts", READER).body().path("hosts").forEach(host -> hosts.add(host.path("host").asText()));
        assertThat(hosts).contains(HOST, OTHER_HOST);

        final Answer host = get(service, "/v1/hosts/" + HOST, READER);
        assertThat(host.status()).isEqualTo(200);
        assertThat(host.body().path("ledger_seq").asLong()).isPositive();
        assertThat(host.body().path("pools").size()).isGreaterThanOrEqualTo(3);
        assertProblem(get(service, "/v1/hosts/compute-404", READER), 404, "UNKNOWN_HOST");

        assertThat(get(service, "/v1/hosts/" + HOST + "/devices", READER).body().path("devices").size())
                .isEqualTo(7);
        final Answer device = get(service, "/v1/hosts/" + HOST + "/devices/0000:81:01.0", READER);
        assertThat(device.body().path("dev_type").asText()).isEqualTo("type-VF");
        assertThat(device.body().path("parent_addr").asText()).isEqualTo("0000:81:00.0");
        assertProblem(get(service, "/v1/hosts/" + HOST + "/devices/0000:ff:00.0", READER), 404, "UNKNOWN_DEVICE");

        final Answer history = get(service, "/v1/hosts/" + HOST + "/devices/0000:40:00.0/history", READER);
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.body().path("events").get(0).path("type").asText()).isEqualTo("DeviceAdded");
    }

    @Test
    void candidatesAreTheHostsThatFitBestFirst() throws Exception {
        final Answer two = get(service, "/v1/candidates?item=gpu-a100:3", ACME);
        assertThat(two.status()).isEqualTo(200);
        assertThat(two.body().path("candidates").get(0).path("host").asText()).isEqualTo(OTHER_HOST);
        final Answer nova = get(service, "/v1/candidates?alias=gpu-a100:1&limit=1", ACME);
        assertThat(nova.body().path("candidates").size()).isEqualTo(1);
        final Answer port = get(service, "/v1/candidates?port=direct:physnet1", ACME);
        assertThat(port.body().path("candidates").size()).isGreaterThanOrEqualTo(2);
        assertProblem(get(service, "/v1/candidates?item=gpu-a100", ACME), 400, "BAD_REQUEST");
        assertProblem(get(service, "/v1/candidates", ACME), 400, "BAD_REQUEST");
        assertProblem(get(service, "/v1/candidates?port=teleport:physnet1", ACME), 400, "BAD_REQUEST");
        assertProblem(get(service, "/v1/candidates?alias=gpu-a100:x", ACME), 400, "BAD_REQUEST");
    }

    @Test
    void aClaimIsGrantedOnceConfirmedAndReleased() throws Exception {
        final String body = "{\"claim_id\": \"life-1\", \"instance\": \"vm-1\", \"host\": \"" + HOST + "\","
                + " \"items\": [{\"group\": \"gpu-a100\", \"count\": 1}, {\"group\": \"physnet1\","
                + " \"vnic_type\": \"direct\"}], \"ttl_seconds\": 600}";
        final Answer granted = claim(ACME, body);
        assertThat(granted.status()).as(granted.body().toString()).isEqualTo(201);
        assertThat(granted.body().path("devices").size()).isEqualTo(2);
        assertThat(granted.body().path("live_migratable").asBoolean()).isFalse();
        final long seq = granted.body().path("ledger_seq").asLong();

        final Answer retried = claim(ACME, body);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.body().path("devices")).isEqualTo(granted.body().path("devices"));
        assertThat(retried.body().path("ledger_seq").asLong()).isEqualTo(seq);

        assertProblem(claim(ACME, body.replace("\"count\": 1", "\"count\": 2")), 409, "CLAIM_ID_CONFLICT");
        assertProblem(claim(ACME, body.replace(HOST, OTHER_HOST)), 409, "CLAIM_ID_CONFLICT");

        final Answer readYourWrite = get(service, "/v1/hosts/" + HOST + "?after=" + seq, ACME);
        assertThat(readYourWrite.body().path("ledger_seq").asLong()).isGreaterThanOrEqualTo(seq);
        assertThat(readYourWrite.body().path("live_claims").asInt()).isGreaterThanOrEqualTo(1);

        final Answer state = get(service, "/v1/claims/life-1", ACME);
        assertThat(state.status()).as(state.body().toString()).isEqualTo(200);
        assertThat(state.body().path("status").asText()).isEqualTo("live");
        assertProblem(get(service, "/v1/claims/life-1", OTHER), 404, "UNKNOWN_CLAIM");

        assertProblem(call(service, "DELETE", "/v1/claims/life-1", OTHER, null), 403, "NOT_AUTHORIZED");
        final Answer confirmed = call(service, "POST", "/v1/claims/life-1/confirm", ACME, null);
        assertThat(confirmed.status()).as(confirmed.body().toString()).isEqualTo(200);
        assertThat(confirmed.body().path("status").asText()).isEqualTo("confirmed");
        assertThat(get(service, "/v1/claims/life-1", ACME).body().path("status").asText()).isEqualTo("confirmed");

        final Answer released = call(service, "DELETE", "/v1/claims/life-1?reason=vm+deleted", ACME, null);
        assertThat(released.status()).isEqualTo(200);
        assertThat(released.body().path("addresses").size()).isEqualTo(2);
        assertThat(get(service, "/v1/claims/life-1", ACME).body().path("status").asText()).isEqualTo("released");
        assertProblem(call(service, "POST", "/v1/claims/life-1/confirm", ACME, null), 409, "CLAIM_NOT_LIVE");

        final Answer history = get(service, "/v1/hosts/" + HOST + "/devices/"
                + granted.body().path("devices").get(0).path("address").asText() + "/history", ACME);
        final List<String> types = new ArrayList<>();
        history.body().path("events").forEach(event -> types.add(event.path("type").asText()));
        assertThat(types).containsSubsequence("DeviceAdded", "DevicesClaimed", "ClaimConfirmed", "DevicesReleased");
    }

    @Test
    void refusedClaimsAnswerWithTheirStatusAndReason() throws Exception {
        assertProblem(claim(ACME, "{\"claim_id\": \"big-1\", \"instance\": \"vm\", \"host\": \"" + HOST + "\","
                + " \"items\": [{\"group\": \"gpu-a100\", \"count\": 50}]}"), 409, "INSUFFICIENT_DEVICES");
        assertProblem(claim(ACME, "{\"claim_id\": \"mix-1\", \"instance\": \"vm\", \"host\": \"" + HOST + "\","
                + " \"items\": [{\"group\": \"physnet1\", \"vnic_type\": \"direct\"}, {\"group\": \"physnet1\","
                + " \"vnic_type\": \"macvtap\"}]}"), 422, "NON_MIGRATABLE_MIX");
        assertProblem(claim(ACME, "{\"claim_id\": \"zero-1\", \"instance\": \"vm\", \"items\": [{\"group\":"
                + " \"gpu-a100\", \"count\": 0}]}"), 400, "INVALID_REQUEST");
        assertProblem(claim(ACME, "{\"instance\": \"vm\", \"items\": [{\"group\": \"gpu-a100\"}]}"), 400,
                "BAD_REQUEST");
        assertProblem(claim(ACME, "{\"claim_id\": \"x\", \"instance\": \"vm\", \"itemz\": []}"), 400,
                "BAD_REQUEST");
        assertProblem(claim(ACME, "not json"), 400, "BAD_REQUEST");
        assertProblem(claim(ACME, "{\"claim_id\": \"vm-1/port-2\", \"instance\": \"vm\", \"items\": [{\"group\":"
                + " \"gpu-a100\"}]}"), 400, "BAD_REQUEST");
        assertProblem(claim(READER, "{\"claim_id\": \"r-1\", \"instance\": \"vm\", \"items\": [{\"group\":"
                + " \"gpu-a100\"}]}"), 403, "NOT_AUTHORIZED");
        assertProblem(claim(ACME, "{\"claim_id\": \"t-1\", \"tenant\": \"other\", \"instance\": \"vm\","
                + " \"items\": [{\"group\": \"gpu-a100\"}]}"), 403, "NOT_AUTHORIZED");
        assertProblem(get(service, "/v1/claims/never-made", ACME), 404, "UNKNOWN_CLAIM");
        assertProblem(call(service, "POST", "/v1/claims/never-made/confirm", ACME, null), 404, "UNKNOWN_CLAIM");
    }

    @Test
    void aClaimWithoutAHostIsPlacedOnACandidate() throws Exception {
        final Answer placed = claim(ACME, "{\"claim_id\": \"placed-1\", \"instance\": \"vm\","
                + " \"alias\": \"gpu-a100:3\"}");
        assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
        assertThat(placed.body().path("host").asText()).isEqualTo(OTHER_HOST);
        assertThat(get(service, "/v1/claims/placed-1", ACME).body().path("host").asText()).isEqualTo(OTHER_HOST);
        final Answer again = claim(ACME, "{\"claim_id\": \"placed-1\", \"instance\": \"vm\","
                + " \"alias\": \"gpu-a100:3\"}");
        assertThat(again.body().path("devices")).isEqualTo(placed.body().path("devices"));
        assertThat(call(service, "DELETE", "/v1/claims/placed-1", ACME, null).status()).isEqualTo(200);
    }

    @Test
    void aClaimPlacedRightAfterAReleaseIsGrantedTheFreedDevice() throws Exception {
        final String soloHost = "compute-solo";
        harness.report(soloHost, ServiceHarness.devices("gpu-solo", 1, 0).subList(0, 1)); // the GPU alone
        await().atMost(Duration.ofSeconds(60)).until(() ->
                get(service, "/v1/groups/gpu-solo", ACME).body().path("total").asInt() == 1);
        final String placement = "{\"claim_id\": \"%s\", \"instance\": \"vm\", \"alias\": \"gpu-solo:1\"}";
        assertThat(claim(ACME, placement.formatted("solo-0")).status()).isEqualTo(201);

        // The service's host pools trail the ledger; placement must not answer "no host" from before the release.
        for (int next = 1; next <= 15; next++) {
            final Answer released = call(service, "DELETE", "/v1/claims/solo-" + (next - 1), ACME, null);
            assertThat(released.status()).as(released.body().toString()).isEqualTo(200);
            final Answer placed = claim(ACME, placement.formatted("solo-" + next));
            assertThat(placed.status()).as("placement %d: %s", next, placed.body()).isEqualTo(201);
            assertThat(placed.body().path("host").asText()).isEqualTo(soloHost);
        }
        assertProblem(claim(ACME, placement.formatted("solo-none")), 409, "INSUFFICIENT_DEVICES");
        assertThat(call(service, "DELETE", "/v1/claims/solo-15", ACME, null).status()).isEqualTo(200);
    }

    @Test
    void ledgerPagesAreForAuditors() throws Exception {
        final Answer page = get(service, "/v1/ledger?host=" + HOST + "&from_seq=1&limit=2", READER);
        assertThat(page.status()).isEqualTo(200);
        final JsonNode events = page.body().path("events");
        assertThat(events.size()).isEqualTo(2);
        assertThat(events.get(0).path("seq").asLong()).isEqualTo(1);
        assertThat(events.get(1).path("seq").asLong()).isEqualTo(2);
        assertThat(page.body().path("next_from_seq").asLong()).isEqualTo(3);
        assertProblem(get(service, "/v1/ledger?host=" + HOST, ACME), 403, "NOT_AUTHORIZED");
        assertProblem(get(service, "/v1/ledger", READER), 400, "BAD_REQUEST");
        assertProblem(get(service, "/v1/ledger?host=" + HOST + "&limit=5000", READER), 400, "BAD_REQUEST");
    }
}
