package io.pciledger.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pciledger.ledger.avro.InventoryFacts;
import io.pciledger.ledger.config.LedgerConfig;
import io.pciledger.ledger.domain.DevType;
import io.pciledger.ledger.domain.Device;
import io.pciledger.ledger.domain.InventoryFact;
import io.pciledger.query.auth.TokenHash;
import io.pciledger.query.config.QueryServiceConfig;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.TopicProvisioner;
import io.pciledger.schemas.topic.TopicSettings;
import io.pciledger.schemas.topic.Topics;
import io.pciledger.testkit.KafkaCluster;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A ledger with its HTTP API on a real broker, for tests: fresh topics (a unique prefix) and application id, a
 * token file with an admin, two tenants and a reader, and helpers to report devices and call the API.
 */
final class ServiceHarness implements AutoCloseable {

    static final String ADMIN = "admin-token";
    static final String ACME = "acme-token";
    static final String OTHER = "other-token";
    static final String READER = "reader-token";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final KafkaCluster kafka;
    final TopicNames names;
    final String applicationId;
    private final Path dir;
    private final List<QueryService> instances = new ArrayList<>();
    private final KafkaProducer<String, io.pciledger.schemas.inventory.InventoryFact> agents;

    ServiceHarness(final KafkaCluster kafka, final Path dir) throws Exception {
        this.kafka = kafka;
        this.dir = dir;
        final String run = UUID.randomUUID().toString().substring(0, 8);
        this.names = TopicNames.withPrefix("api-" + run + ".");
        this.applicationId = "api-" + run;
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            new TopicProvisioner(admin, names, TopicSettings.forReplicationFactor(3, 1)).ensureTopics();
        }
        writeTokens(dir);
        final Map<String, Object> producer = new HashMap<>(kafka.clientProperties());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        this.agents = new KafkaProducer<>(producer, new StringSerializer(), Topics.INVENTORY.valueSerde().serializer());
    }

    /**
     * Writes {@code tokens.json} into {@code dir}: {@link #ADMIN}, {@link #ACME} and {@link #OTHER} (tenants) and
     * {@link #READER}.
     *
     * @return the file
     */
    static Path writeTokens(final Path dir) throws IOException {
        return Files.writeString(dir.resolve("tokens.json"), "{\"tokens\": ["
                + token(ADMIN, "ops", "admin") + "," + token(ACME, "acme", "tenant") + ","
                + token(OTHER, "other", "tenant") + "," + token(READER, "audit", "reader") + "]}");
    }

    private static String token(final String token, final String tenant, final String role) {
        return "{\"sha256\": \"" + TokenHash.of(token) + "\", \"tenant\": \"" + tenant + "\", \"role\": \"" + role
                + "\"}";
    }

    /** Starts one more instance of the service (same application id) and waits until it is ready. */
    QueryService startInstance(final Map<String, Object> extra) throws Exception {
        final Map<String, Object> settings = new HashMap<>();
        settings.put(LedgerConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        settings.put(LedgerConfig.APPLICATION_ID, applicationId);
        settings.put(LedgerConfig.TOPIC_PREFIX, names.prefix());
        settings.put(LedgerConfig.STATE_DIR, Files.createTempDirectory(dir, "state").toString());
        settings.put(LedgerConfig.COMMIT_INTERVAL_MS, "50");
        settings.put(QueryServiceConfig.HTTP_PORT, "0");
        settings.put(QueryServiceConfig.TOKENS_FILE, dir.resolve("tokens.json").toString());
        settings.put(QueryServiceConfig.CLAIM_TIMEOUT_MS, "20000");
        settings.put(QueryServiceConfig.READ_WAIT_MS, "20000");
        settings.putAll(extra);
        final QueryService service = QueryService.start(new QueryServiceConfig(settings), Clock.systemUTC());
        instances.add(service);
        if (!service.awaitReady(Duration.ofSeconds(90))) {
            throw new IllegalStateException("the service did not become ready: " + service.readiness());
        }
        return service;
    }

    /** Reports {@code devices} as {@code host}'s full inventory. */
    void report(final String host, final List<Device> devices) throws Exception {
        agents.send(new ProducerRecord<>(names.of(Topics.INVENTORY), host, InventoryFacts.toAvro(
                UUID.randomUUID().toString(), host, Instant.now(), new InventoryFact.HostSnapshot(devices)))).get();
    }

    /** {@code count} GPUs of {@code group} on NUMA node 0, and a PF of physnet1 with {@code vfs} VFs. */
    static List<Device> devices(final String gpuGroup, final int count, final int vfs) {
        final List<Device> devices = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            devices.add(new Device(String.format("0000:%02x:00.0", 0x40 + index), "10de", "20b5", "030200",
                    DevType.TYPE_PCI, null, 0, null, "vfio-pci", gpuGroup, Map.of()));
        }
        final String pf = "0000:81:00.0";
        devices.add(new Device(pf, "8086", "1592", "020000", DevType.TYPE_PF, null, 1, "ens1f0", "ice", "physnet1",
                Map.of("physical_network", "physnet1")));
        for (int index = 0; index < vfs; index++) {
            devices.add(new Device(String.format("0000:81:01.%d", index), "8086", "1889", "020000", DevType.TYPE_VF,
                    pf, 1, null, "iavf", "physnet1", Map.of("physical_network", "physnet1")));
        }
        return devices;
    }

    /** An answer; {@code servedBy} is the instance that says it answered ({@code X-PCI-Ledger-Served-By}), if any. */
    record Answer(int status, JsonNode body, String contentType, String servedBy) {
    }

    static Answer call(final QueryService service, final String method, final String path, final String token,
            final String body) throws IOException, InterruptedException {
        return call(service, method, path, token, body, Map.of());
    }

    /** As {@link #call(QueryService, String, String, String, String)}, with {@code headers} besides. */
    static Answer call(final QueryService service, final String method, final String path, final String token,
            final String body, final Map<String, String> headers) throws IOException, InterruptedException {
        final HttpRequest.Builder request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + service.port() + path)).timeout(Duration.ofSeconds(60));
        headers.forEach(request::header);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        final HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        final String contentType = response.headers().firstValue("Content-Type").orElse("");
        final JsonNode json = contentType.contains("json") && !response.body().isEmpty()
                ? JSON.readTree(response.body()) : JSON.getNodeFactory().textNode(response.body());
        return new Answer(response.statusCode(), json, contentType,
                response.headers().firstValue("X-PCI-Ledger-Served-By").orElse(null));
    }

    static Answer get(final QueryService service, final String path, final String token) throws Exception {
        return call(service, "GET", path, token, null);
    }

    void stop(final QueryService service) {
        instances.remove(service);
        service.close();
    }

    @Override
    public void close() {
        instances.forEach(QueryService::close);
        agents.close();
    }
}
