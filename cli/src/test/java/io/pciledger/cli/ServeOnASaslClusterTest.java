package io.pciledger.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pciledger.broker.EmbeddedKafkaCluster;
import io.pciledger.query.auth.TokenHash;
import io.pciledger.testkit.FreePorts;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS and SASL settings reach every Kafka client of {@code pci-ledger serve}: against a broker whose only listener the
 * service knows demands SASL/PLAIN, {@code serve} configured with the client properties file the other commands take
 * ({@code --kafka-config}) and a password given with {@code -X streams.sasl.jaas.config=...} provisions its topics
 * (admin client), becomes ready (Kafka Streams, the table and claim-result consumers), registers a group (its
 * producer, then its table consumer) and answers a claim from the ledger (the command producer, Streams, the result
 * consumer). A client without the settings gets nothing from that listener, so none of this works by accident.
 */
class ServeOnASaslClusterTest {

    private static final String USER = "ledger";
    private static final String PASSWORD = "ledger-secret";
    private static final String ADMIN_TOKEN = "sasl-admin-token";

    private static EmbeddedKafkaCluster kafka;
    private static String saslBootstrap;

    @TempDir
    Path dir;

    @BeforeAll
    static void startABrokerWithASaslListener() {
        final List<Integer> ports = FreePorts.onLoopback(3);
        final int plain = ports.get(0);
        final int sasl = ports.get(1);
        final int controller = ports.get(2);
        kafka = EmbeddedKafkaCluster.builder()
                .brokerPort(0, plain)
                .controllerPort(0, controller)
                .brokerProperty("listeners", "PLAINTEXT://127.0.0.1:" + plain + ",SASL_PLAINTEXT://127.0.0.1:" + sasl
                        + ",CONTROLLER://127.0.0.1:" + controller)
                .brokerProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + plain
                        + ",SASL_PLAINTEXT://127.0.0.1:" + sasl)
                .brokerProperty("listener.security.protocol.map",
                        "PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT")
                .brokerProperty("sasl.enabled.mechanisms", "PLAIN")
                .brokerProperty("listener.name.sasl_plaintext.plain.sasl.jaas.config",
                        "org.apache.kafka.common.security.plain.PlainLoginModule required user_" + USER + "=\""
                                + PASSWORD + "\";")
                .build().start();
        saslBootstrap = "127.0.0.1:" + sasl;
    }

    @AfterAll
    static void stopTheBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void everyKafkaClientOfServeAuthenticatesWithThePassedThroughSettings() throws Exception {
        final String run = "sasl-" + UUID.randomUUID().toString().substring(0, 8);
        final Path clientProperties = Files.writeString(dir.resolve("client.properties"),
                "security.protocol=SASL_PLAINTEXT\nsasl.mechanism=PLAIN\n");
        final Path tokens = Files.writeString(dir.resolve("tokens.json"), "{\"tokens\": [{\"sha256\": \""
                + TokenHash.of(ADMIN_TOKEN) + "\", \"tenant\": \"ops\", \"role\": \"admin\"}]}");
        final int httpPort = FreePorts.onLoopback(1).get(0);
        final URI api = URI.create("http://127.0.0.1:" + httpPort);

        final CommandRun serve = CommandRun.start("PCI Ledger API at", tokens, "serve",
                "--bootstrap-servers", saslBootstrap, "--kafka-config", clientProperties.toString(),
                "-X", "streams.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required"
                        + " username=\"" + USER + "\" password=\"" + PASSWORD + "\";",
                "-X", "ledger.application.id=" + run, "-X", "ledger.topic.prefix=" + run + ".",
                "-X", "ledger.state.dir=" + dir.resolve("state"), "-X", "topics.partitions=2",
                "-X", "query.auth.tokens.file=" + tokens, "-X", "query.http.port=" + httpPort);
        try {
            assertThat(serve.output()).as("topics created by the admin client").contains("created  " + run
                    + ".pci.ledger");

            final HttpResponse<String> registered = call(api, "PUT", "/v1/groups/gpu-a100",
                    "{\"visibility\": \"public\", \"description\": \"registered over SASL\"}");
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
            assertThat(registered.body()).contains("registered over SASL");

            final HttpResponse<String> claimed = call(api, "POST", "/v1/claims", "{\"claim_id\": \"c-1\","
                    + " \"instance\": \"vm-1\", \"host\": \"nowhere\", \"items\": [{\"group\": \"gpu-a100\","
                    + " \"count\": 1}]}");
            assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(409);
            assertThat(claimed.body()).as("the ledger's committed answer").contains("UNKNOWN_HOST");

            assertThat(serve.stopWith("TERM")).as("exit code after SIGTERM; output:%n%s", serve.output()).isZero();
        } finally {
            serve.kill();
        }
    }

    @Test
    void aClientWithoutTheSettingsGetsNothingFromTheSaslListener() {
        try (Admin plain = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, saslBootstrap,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000))) {
            assertThatThrownBy(() -> plain.listTopics().names().get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class);
        }
    }

    private static HttpResponse<String> call(final URI api, final String method, final String path, final String body)
            throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(api.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
