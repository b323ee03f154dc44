package io.pciledger.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pciledger.ledger.domain.DevType;
import io.pciledger.ledger.domain.Device;
import io.pciledger.testkit.KafkaCluster;
import io.pciledger.testkit.KafkaTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Issue 6's audit, done when: a known history is written through the real ledger (claims, a confirmation, a
 * release, a device lost), {@code replay --until} shows the fleet as it stood at three instants, {@code replay
 * --device} a device's history, and {@code verify} finds the replay equal to the live API and catches an API that
 * says otherwise. The commands run in-process through picocli, as {@code bin/pci-ledger} runs them.
 *
 * <p>The history, on a PF with two VFs and two GPUs ({@code compute-1}) and one GPU ({@code compute-2}):
 * <ol>
 *   <li>before {@code t1}: both agents report their devices;</li>
 *   <li>before {@code t2}: {@code c-1} takes a GPU of compute-1, {@code c-2} a VF of compute-1 (and is confirmed),
 *       {@code c-3} the GPU of compute-2;</li>
 *   <li>before {@code t3}: {@code c-1} is released, and c-2's VF vanishes from compute-1 (lost).</li>
 * </ol>
 */
@KafkaTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditReplayOnABrokerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PF = "0000:81:00.0";

    private KafkaCluster kafka;
    private LiveLedger ledger;
    private Instant t1;
    private Instant t2;
    private Instant t3;
    private String c1Gpu;
    private String c2Vf;

    @BeforeAll
    void writeAKnownHistory(final KafkaCluster cluster) throws Exception {
        kafka = cluster;
        ledger = new LiveLedger(cluster, Files.createTempDirectory("audit"));
        final List<Device> compute1 = List.of(gpu("0000:40:00.0"), gpu("0000:41:00.0"), pf(), vf("0000:81:01.0"),
                vf("0000:81:01.1"));
        ledger.snapshot("compute-1", compute1);
        ledger.snapshot("compute-2", List.of(gpu("0000:40:00.0")));
        await().atMost(Duration.ofSeconds(60)).until(() -> devicesOf("compute-1").size() == 5
                && devicesOf("compute-2").size() == 1);
        t1 = instantAfterEverythingSoFar();

        c1Gpu = ledger.call("POST", "v1/claims", claim("c-1", "compute-1", "{\"group\": \"gpu\", \"count\": 1}"), 201)
                .path("devices").get(0).path("address").asText();
        c2Vf = ledger.call("POST", "v1/claims", claim("c-2", "compute-1",
                "{\"group\": \"physnet1\", \"vnic_type\": \"direct\"}"), 201).path("devices").get(0).path("address")
                .asText();
        ledger.call("POST", "v1/claims/c-2/confirm", null, 200);
        ledger.call("POST", "v1/claims", claim("c-3", "compute-2", "{\"group\": \"gpu\", \"count\": 1}"), 201);
        t2 = instantAfterEverythingSoFar();

        ledger.call("DELETE", "v1/claims/c-1", null, 200);
        ledger.snapshot("compute-1", compute1.stream().filter(device -> !device.address().equals(c2Vf)).toList());
        await().atMost(Duration.ofSeconds(60)).until(() -> statusOf("compute-1", c2Vf).equals("lost"));
        t3 = instantAfterEverythingSoFar();
        // The cloud-wide tables (host list, group counts) are derived topics: let them catch up before verify.
        await().atMost(Duration.ofSeconds(60)).until(() -> ledger.get("v1/groups/physnet1").path("lost").asInt() == 1
                && ledger.get("v1/groups/gpu").path("claimed").asInt() == 1);
    }

    @AfterAll
    void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void beforeAnyClaimEveryDeviceIsFree() throws Exception {
        final JsonNode fleet = replayUntil(t1);

        assertThat(hostNames(fleet)).containsExactly("compute-1", "compute-2");
        assertThat(statuses(host(fleet, "compute-1"))).containsOnly("free").hasSize(5);
        assertThat(host(fleet, "compute-1").path("claims")).isEmpty();
        assertThat(group(fleet, "gpu")).isEqualTo(counts(3, 3, 0, 0, 0));
        assertThat(group(fleet, "physnet1")).isEqualTo(counts(3, 3, 0, 0, 0));
    }

    @Test
    void afterTheClaimsTheirDevicesAreHeldAndThePfIsBlocked() throws Exception {
        final JsonNode fleet = replayUntil(t2);

        final JsonNode compute1 = host(fleet, "compute-1");
        assertThat(device(compute1, c1Gpu).path("status").asText()).isEqualTo("claimed");
        assertThat(device(compute1, c1Gpu).path("claim_id").asText()).isEqualTo("c-1");
        assertThat(device(compute1, c2Vf).path("claim_id").asText()).isEqualTo("c-2");
        assertThat(claimStatuses(compute1)).containsExactly(Map.entry("c-1", "live"), Map.entry("c-2", "confirmed"));
        assertThat(device(host(fleet, "compute-2"), "0000:40:00.0").path("claim_id").asText()).isEqualTo("c-3");
        assertThat(group(fleet, "gpu")).isEqualTo(counts(3, 1, 2, 0, 0));
        assertThat(group(fleet, "physnet1")).isEqualTo(counts(3, 1, 1, 1, 0));
    }

    @Test
    void afterTheReleaseAndTheLossTheVfIsLostInItsClaim() throws Exception {
        final JsonNode fleet = replayUntil(t3);

        final JsonNode compute1 = host(fleet, "compute-1");
        assertThat(device(compute1, c1Gpu).path("status").asText()).isEqualTo("free");
        assertThat(device(compute1, c1Gpu).has("claim_id")).isFalse();
        assertThat(device(compute1, c2Vf).path("status").asText()).isEqualTo("lost");
        assertThat(claimStatuses(compute1)).containsExactly(Map.entry("c-2", "confirmed"));
        assertThat(compute1.path("claims").get(0).path("lost_addresses").get(0).asText()).isEqualTo(c2Vf);
        assertThat(group(fleet, "gpu")).isEqualTo(counts(3, 2, 1, 0, 0));
        assertThat(group(fleet, "physnet1")).isEqualTo(counts(3, 1, 0, 1, 1));
        assertThat(fleet.path("until").asText()).isEqualTo(t3.toString());
        assertThat(fleet.path("problems")).isEmpty();
    }

    @Test
    void theFleetCanBeWrittenToAFile() throws Exception {
        final Path file = Files.createTempDirectory("replay").resolve("fleet.json");

        final Result result = pciLedger("replay", "--until", t3.toString(), "--output", file.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEmpty();
        assertThat(hostNames(JSON.readTree(file.toFile()))).containsExactly("compute-1", "compute-2");
    }

    @Test
    void aDevicesHistoryIsEveryEventThatConcernsItInOrder() throws Exception {
        final Result result = pciLedger("replay", "--device", "compute-1/" + c2Vf.toUpperCase());

        assertThat(result.exitCode()).as(result.err()).isZero();
        final List<String> types = new ArrayList<>();
        JSON.readTree(result.out()).path("events").forEach(event -> types.add(event.path("type").asText()));
        assertThat(types).containsExactly("DeviceAdded", "DevicesClaimed", "ClaimConfirmed", "DeviceLost");
    }

    @Test
    void aHistoryOfAHostOrDeviceTheLedgerNeverSawIsBadInput() {
        final Result unknownHost = pciLedger("replay", "--device", "compute-404/0000:40:00.0");
        final Result unknownDevice = pciLedger("replay", "--device", "compute-1/0000:ff:00.0");

        assertThat(unknownHost.exitCode()).isEqualTo(2);
        assertThat(unknownHost.err()).contains("no event of host compute-404");
        assertThat(unknownDevice.exitCode()).isEqualTo(2);
        assertThat(unknownDevice.err()).contains("has no event of device 0000:ff:00.0");
    }

    @Test
    void verifyFindsTheReplayedLedgerEqualToTheLiveOne() {
        final Result result = pciLedger("verify", "--api", ledger.api(), "--token", LiveLedger.READER,
                "--recheck-after", "500ms");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("verified: 2 hosts, 6 devices, 2 live claims and 2 groups");
    }

    @Test
    void verifyCatchesAnApiThatSaysALostDeviceIsThere() throws Exception {
        try (FabricatingProxy lying = new FabricatingProxy(ledger.api(), "/v1/hosts/compute-1/devices",
                body -> body.replace("\"status\":\"lost\"", "\"status\":\"claimed\""))) {

            final Result result = pciLedger("verify", "--api", lying.api(), "--token", LiveLedger.READER,
                    "--recheck-after", "100ms");

            assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(1);
            assertThat(result.out()).contains("host compute-1, device " + c2Vf + ": status replayed lost, live claimed")
                    .contains("NOT verified");
        }
    }

    @Test
    void verifyRefusesATenantsToken() {
        final Result result = pciLedger("verify", "--api", ledger.api(), "--token", LiveLedger.ACME);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("verify needs an admin or reader token");
    }

    private record Result(int exitCode, String out, String err) {
    }

    /** {@code pci-ledger ARGS --bootstrap-servers ... -X ledger.topic.prefix=...}, in-process. */
    private Result pciLedger(final String... args) {
        final List<String> command = new ArrayList<>(List.of(args));
        command.addAll(List.of("--bootstrap-servers", kafka.bootstrapServers(),
                "-X", "ledger.topic.prefix=" + ledger.topicPrefix()));
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exitCode = PciLedgerCommand.commandLine().setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
                .execute(command.toArray(String[]::new));
        return new Result(exitCode, out.toString(), err.toString());
    }

    private JsonNode replayUntil(final Instant until) throws Exception {
        final Result result = pciLedger("replay", "--until", until.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        return JSON.readTree(result.out());
    }

    /** Now, once the clock has moved past every ledger event decided so far (events carry milliseconds). */
    private static Instant instantAfterEverythingSoFar() {
        final Instant now = Instant.now();
        await().until(() -> Instant.now().isAfter(now.plusMillis(2)));
        return now.plusMillis(1);
    }

    private static String claim(final String claimId, final String host, final String item) {
        return "{\"claim_id\": \"" + claimId + "\", \"instance\": \"vm-" + claimId + "\", \"host\": \"" + host
                + "\", \"items\": [" + item + "]}";
    }

    /** The host's devices as the API lists them; none while the ledger has not folded the host's first fact. */
    private List<JsonNode> devicesOf(final String host) throws Exception {
        final List<JsonNode> devices = new ArrayList<>();
        ledger.getIfFound("v1/hosts/" + host + "/devices")
                .ifPresent(answer -> answer.path("devices").forEach(devices::add));
        return devices;
    }

    private String statusOf(final String host, final String address) throws Exception {
        return devicesOf(host).stream().filter(device -> device.path("address").asText().equals(address))
                .map(device -> device.path("status").asText()).findFirst().orElse("absent");
    }

    private static List<String> hostNames(final JsonNode fleet) {
        final List<String> names = new ArrayList<>();
        fleet.path("hosts").forEach(host -> names.add(host.path("host").asText()));
        return names;
    }

    private static JsonNode host(final JsonNode fleet, final String name) {
        for (final JsonNode host : fleet.path("hosts")) {
            if (host.path("host").asText().equals(name)) {
                return host;
            }
        }
        throw new AssertionError("no host " + name + " in " + fleet);
    }

    private static JsonNode device(final JsonNode host, final String address) {
        for (final JsonNode device : host.path("devices")) {
            if (device.path("address").asText().equals(address)) {
                return device;
            }
        }
        throw new AssertionError("no device " + address + " in " + host);
    }

    private static List<String> statuses(final JsonNode host) {
        final List<String> statuses = new ArrayList<>();
        host.path("devices").forEach(device -> statuses.add(device.path("status").asText()));
        return statuses;
    }

    private static List<Map.Entry<String, String>> claimStatuses(final JsonNode host) {
        final List<Map.Entry<String, String>> claims = new ArrayList<>();
        host.path("claims").forEach(claim -> claims.add(Map.entry(claim.path("claim_id").asText(),
                claim.path("status").asText())));
        return claims;
    }

    /** A group's counts as total, available, claimed, unavailable, lost. */
    private static List<Integer> group(final JsonNode fleet, final String name) {
        for (final JsonNode group : fleet.path("groups")) {
            if (group.path("group").asText().equals(name)) {
                return counts(group.path("total").asInt(), group.path("available").asInt(),
                        group.path("claimed").asInt(), group.path("unavailable").asInt(), group.path("lost").asInt());
            }
        }
        throw new AssertionError("no group " + name + " in " + fleet.path("groups"));
    }

    private static List<Integer> counts(final int total, final int available, final int claimed,
            final int unavailable, final int lost) {
        return List.of(total, available, claimed, unavailable, lost);
    }

    private static Device gpu(final String address) {
        return new Device(address, "10de", "20b5", "030200", DevType.TYPE_PCI, null, 0, null, "vfio-pci", "gpu",
                Map.of());
    }

    private static Device pf() {
        return new Device(PF, "8086", "1592", "020000", DevType.TYPE_PF, null, 1, "ens1f0", "ice", "physnet1",
                Map.of("physical_network", "physnet1"));
    }

    private static Device vf(final String address) {
        return new Device(address, "8086", "1889", "020000", DevType.TYPE_VF, PF, 1, null, "iavf", "physnet1",
                Map.of("physical_network", "physnet1"));
    }
}
