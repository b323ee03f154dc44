package io.pciledger.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pciledger.ledger.avro.InventoryFacts;
import io.pciledger.ledger.config.LedgerConfig;
import io.pciledger.ledger.domain.Device;
import io.pciledger.ledger.domain.InventoryFact;
import io.pciledger.query.QueryService;
import io.pciledger.query.auth.TokenHash;
import io.pciledger.query.config.QueryServiceConfig;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.TopicProvisioner;
import io.pciledger.schemas.topic.TopicSettings;
import io.pciledger.schemas.topic.Topics;
import io.pciledger.testkit.KafkaCluster;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The real ledger with its HTTP API on a test broker, as an operator runs it ({@code pci-ledger serve}): fresh topics
 * under a prefix of their own, tokens for an admin, a tenant and a reader, and the two ways its history is written:
 * facts from the hosts' agents on {@code pci.inventory}, and claims through the API.
 */
final class LiveLedger implements AutoCloseable {

    static final String ACME = "acme-token";
    static final String READER = "reader-token";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final TopicNames names;
    private final QueryService service;
    private final KafkaProducer<String, io.pciledger.schemas.inventory.InventoryFact> agents;

    LiveLedger(final KafkaCluster kafka, final Path dir) throws Exception {
        final String run = UUID.randomUUID().toString().substring(0, 8);
        names = TopicNames.withPrefix("audit-" + run + ".");
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            new TopicProvisioner(admin, names, TopicSettings.forReplicationFactor(2, 1)).ensureTopics();
        }
        Files.writeString(dir.resolve("tokens.json"), "{\"tokens\": [" + token(ACME, "acme", "tenant") + ", "
                + token(READER, "audit", "reader") + "]}");
        final Map<String, Object> settings = new HashMap<>();
        settings.put(LedgerConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        settings.put(LedgerConfig.APPLICATION_ID, "audit-" + run);
        settings.put(LedgerConfig.TOPIC_PREFIX, names.prefix());
        settings.put(LedgerConfig.STATE_DIR, Files.createDirectories(dir.resolve("state")).toString());
        settings.put(LedgerConfig.COMMIT_INTERVAL_MS, "50");
        settings.put(QueryServiceConfig.HTTP_PORT, "0");
        settings.put(QueryServiceConfig.TOKENS_FILE, dir.resolve("tokens.json").toString());
        settings.put(QueryServiceConfig.CLAIM_TIMEOUT_MS, "30000");
        final Map<String, Object> producer = new HashMap<>(kafka.clientProperties());
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        agents = new KafkaProducer<>(producer, new StringSerializer(), Topics.INVENTORY.valueSerde().serializer());
        service = QueryService.start(new QueryServiceConfig(settings), Clock.systemUTC());
        if (!service.awaitReady(Duration.ofSeconds(90))) {
            throw new IllegalStateException("the service did not become ready: " + service.readiness());
        }
    }

    private static String token(final String token, final String tenant, final String role) {
        return "{\"sha256\": \"" + TokenHash.of(token) + "\", \"tenant\": \"" + tenant + "\", \"role\": \"" + role
                + "\"}";
    }

    /** The API's root. */
    String api() {
        return "http://127.0.0.1:" + service.port() + "/";
    }

    /** The ledger's topic prefix, as {@code -X ledger.topic.prefix=} takes it. */
    String topicPrefix() {
        return names.prefix();
    }

    /** {@code host}'s agent reports {@code devices} as everything the host has. */
    void snapshot(final String host, final List<Device> devices) throws Exception {
        agents.send(new ProducerRecord<>(names.of(Topics.INVENTORY), host, InventoryFacts.toAvro(
                UUID.randomUUID().toString(), host, Instant.now(), new InventoryFact.HostSnapshot(devices)))).get();
    }

    /** An API call with the tenant's token; its JSON answer, which must have {@code status}. */
    JsonNode call(final String method, final String path, final String body, final int status) throws Exception {
        return expect(send(method, path, body), status);
    }

    JsonNode get(final String path) throws Exception {
        return call("GET", path, null, 200);
    }

    /** A GET's JSON answer, or empty while the API answers 404 (a host the ledger has not folded yet). */
    Optional<JsonNode> getIfFound(final String path) throws Exception {
        final HttpResponse<String> answer = send("GET", path, null);
        return answer.statusCode() == 404 ? Optional.empty() : Optional.of(expect(answer, 200));
    }

    private static JsonNode expect(final HttpResponse<String> answer, final int status) throws Exception {
        if (answer.statusCode() != status) {
            throw new AssertionError(answer.request().method() + " " + answer.uri().getPath() + " answered "
                    + answer.statusCode() + ": " + answer.body());
        }
        return answer.body().isEmpty() ? JSON.nullNode() : JSON.readTree(answer.body());
    }

    private HttpResponse<String> send(final String method, final String path, final String body) throws Exception {
        final HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api() + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + ACME)
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        service.close();
        agents.close();
    }
}
