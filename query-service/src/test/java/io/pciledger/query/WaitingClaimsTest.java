package io.pciledger.query;

import static io.pciledger.query.ServiceHarness.ACME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pciledger.query.config.QueryServiceConfig;
import io.pciledger.schemas.topic.Topics;
import io.pciledger.testkit.KafkaCluster;
import io.pciledger.testkit.KafkaTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Claims waiting for their committed answers hold none of the HTTP server's threads: with the ledger paused and more
 * claims waiting than the server has threads, reads are still answered at once, and every claim is answered once the
 * ledger decides again.
 */
@KafkaTest
class WaitingClaimsTest {

    private static final int SERVER_THREADS = 4;
    private static final int WAITING_CLAIMS = 12;
    private static final int GPUS = 2;

    @TempDir
    Path dir;

    @Test
    void readsAreAnsweredWhileMoreClaimsWaitThanTheServerHasThreads(final KafkaCluster kafka) throws Exception {
        try (ServiceHarness harness = new ServiceHarness(kafka, dir)) {
            final QueryService service = harness.startInstance(Map.of(
                    QueryServiceConfig.HTTP_THREADS, String.valueOf(SERVER_THREADS),
                    QueryServiceConfig.CLAIM_TIMEOUT_MS, "60000"));
            harness.report("compute-1", ServiceHarness.devices("gpu-a100", GPUS, 0));
            await().atMost(Duration.ofSeconds(60)).until(() -> ServiceHarness.get(service, "/v1/groups/gpu-a100",
                    ACME).body().path("available").asInt() == GPUS);

            service.streams().pause();
            final HttpClient client = HttpClient.newHttpClient();
            final List<CompletableFuture<HttpResponse<String>>> claims = new ArrayList<>();
            for (int index = 0; index < WAITING_CLAIMS; index++) {
                claims.add(client.sendAsync(claim(service, "waiting-" + index), HttpResponse.BodyHandlers.ofString()));
            }
            await("all " + WAITING_CLAIMS + " claims taken in and sent on by a server of " + SERVER_THREADS
                    + " threads (claims that held their thread would stop it at 2)")
                    .atMost(Duration.ofSeconds(30)).until(() -> commandsWritten(harness) == WAITING_CLAIMS);

            final HttpResponse<String> read = client.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + service.port() + "/v1/groups/gpu-a100"))
                    .header("Authorization", "Bearer " + ACME).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(read.statusCode()).isEqualTo(200);
            assertThat(claims).as("claims answered while the ledger was paused").noneMatch(CompletableFuture::isDone);

            service.streams().resume();
            final List<Integer> statuses = new ArrayList<>();
            for (final CompletableFuture<HttpResponse<String>> claim : claims) {
                statuses.add(claim.get(60, TimeUnit.SECONDS).statusCode());
            }
            assertThat(statuses.stream().collect(Collectors.groupingBy(status -> status, Collectors.counting())))
                    .isEqualTo(Map.of(201, (long) GPUS, 409, (long) (WAITING_CLAIMS - GPUS)));
        }
    }

    private static HttpRequest claim(final QueryService service, final String claimId) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port() + "/v1/claims"))
                .header("Authorization", "Bearer " + ACME).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(90))
                .POST(HttpRequest.BodyPublishers.ofString("{\"claim_id\": \"" + claimId + "\", \"instance\": \"vm\","
                        + " \"host\": \"compute-1\", \"items\": [{\"group\": \"gpu-a100\", \"count\": 1}]}"))
                .build();
    }

    private static long commandsWritten(final ServiceHarness harness) throws Exception {
        try (Admin admin = Admin.create(harness.kafka.clientProperties())) {
            final String topic = harness.names.of(Topics.COMMANDS);
            final Map<TopicPartition, OffsetSpec> ends = admin.describeTopics(List.of(topic)).allTopicNames().get()
                    .get(topic).partitions().stream()
                    .collect(Collectors.toMap(partition -> new TopicPartition(topic, partition.partition()),
                            partition -> OffsetSpec.latest()));
            return admin.listOffsets(ends).all().get().values().stream()
                    .mapToLong(info -> info.offset()).sum();
        }
    }
}
