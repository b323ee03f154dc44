package io.pciledger.query;

import static io.pciledger.query.ServiceHarness.ACME;
import static io.pciledger.query.ServiceHarness.call;
import static io.pciledger.query.ServiceHarness.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pciledger.ledger.avro.LedgerEvents;
import io.pciledger.ledger.domain.ClaimedDevice;
import io.pciledger.ledger.domain.LedgerEvent;
import io.pciledger.ledger.domain.LedgerRecord;
import io.pciledger.query.ServiceHarness.Answer;
import io.pciledger.schemas.topic.Topics;
import io.pciledger.testkit.KafkaCluster;
import io.pciledger.testkit.KafkaTest;
import io.pciledger.testkit.TopicRecords;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the service, one ledger application, one real broker: every host is readable through either
 * (forwarded to its owner), concurrent claims through both never grant a device twice (checked from the ledger),
 * and when one instance goes the other serves every host after the rebalance.
 */
@KafkaTest
class TwoInstancesTest {

    private static final int HOSTS = 8;
    private static final int TWIN_ROUNDS = 24;

    @TempDir
    Path dir;

    @Test
    void eitherInstanceServesEveryHostAndClaimsThroughBothNeverCollide(final KafkaCluster kafka) throws Exception {
        try (ServiceHarness harness = new ServiceHarness(kafka, dir)) {
            final QueryService first = harness.startInstance(Map.of());
            final List<String> hosts = new ArrayList<>();
            for (int index = 0; index < HOSTS; index++) {
                hosts.add("compute-" + index);
                harness.report(hosts.get(index), ServiceHarness.devices("gpu-a100", 2, 2));
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> allReadable(first, hosts));
            final List<Integer> statusesDuringRebalance = new CopyOnWriteArrayList<>();
            final Thread reader = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    try {
                        statusesDuringRebalance.add(get(first, "/v1/hosts/" + hosts.get(
                                statusesDuringRebalance.size() % HOSTS), ACME).status());
                    } catch (final InterruptedException stop) {
                        return;
                    } catch (final Exception failed) {
                        statusesDuringRebalance.add(-1);
                    }
                }
            });
            reader.start();
            final QueryService second = harness.startInstance(Map.of());
            await().atMost(Duration.ofSeconds(90)).until(() -> first.readiness().values().stream()
                    .allMatch(Boolean::booleanValue) && second.readiness().values().stream()
                    .allMatch(Boolean::booleanValue) && allReadable(first, hosts) && allReadable(second, hosts));
            reader.interrupt();
            reader.join();
            assertThat(statusesDuringRebalance).as("reads while the second instance joined").isNotEmpty()
                    .containsOnly(200);

            final List<String> granted = new CopyOnWriteArrayList<>();
            final ExecutorService clients = Executors.newFixedThreadPool(6);
            final List<Future<?>> done = new ArrayList<>();
            for (int client = 0; client < 6; client++) {
                final QueryService through = client % 2 == 0 ? first : second;
                final int id = client;
                done.add(clients.submit(() -> {
                    for (int attempt = 0; attempt < 12; attempt++) {
                        final String host = hosts.get((id + attempt) % HOSTS);
                        final Answer answer = call(through, "POST", "/v1/claims", ACME, "{\"claim_id\": \"c-" + id
                                + "-" + attempt + "\", \"instance\": \"vm\", \"host\": \"" + host + "\", \"items\":"
                                + " [{\"group\": \"gpu-a100\", \"count\": 1}]}");
                        assertThat(answer.status()).as(answer.body().toString()).isIn(201, 409);
                        if (answer.status() == 201) {
                            granted.add(answer.body().path("claim_id").asText());
                        }
                    }
                    return null;
                }));
            }
            for (final Future<?> client : done) {
                client.get();
            }
            clients.shutdown();
            assertThat(granted).hasSize(HOSTS * 2);

            // A claim decided through one instance is found through the other, wherever its standing answer lives.
            final Answer released = call(second, "DELETE", "/v1/claims/c-0-0", ACME, null);
            assertThat(released.status()).as(released.body().toString()).isEqualTo(200);
            // Placement reads its host pools up to the release before it answers that no host has a GPU free.
            final String roaming = "{\"claim_id\": \"roam-1\", \"instance\": \"vm\", \"alias\": \"gpu-a100:1\"}";
            final Answer placed = call(first, "POST", "/v1/claims", ACME, roaming);
            assertThat(placed.status()).as(placed.body().toString()).isEqualTo(201);
            assertThat(placed.body().path("host").asText()).isEqualTo(released.body().path("host").asText());
            final Answer retried = call(second, "POST", "/v1/claims", ACME, roaming);
            assertThat(retried.status()).as(retried.body().toString()).isEqualTo(201);
            assertThat(retried.body().path("host")).isEqualTo(placed.body().path("host"));
            assertThat(retried.body().path("devices")).isEqualTo(placed.body().path("devices"));

            for (final String claimId : granted) {
                if (!claimId.equals("c-0-0")) {
                    assertThat(call(first, "DELETE", "/v1/claims/" + claimId, ACME, null).status()).isEqualTo(200);
                }
            }
            assertThat(call(second, "DELETE", "/v1/claims/roam-1", ACME, null).status()).isEqualTo(200);
            placeTheSameClaimThroughBothAtOnce(first, second);
            assertNoDeviceGrantedTwice(harness, kafka);

            harness.stop(first);
            await().atMost(Duration.ofSeconds(90)).until(() -> allReadable(second, hosts));
        }
    }

    /**
     * A client that sends a claim without a host through one instance and, before it is answered, again through the
     * other (a retry through another instance behind a load balancer) gets one placement: both are placed by the
     * instance holding the claim id's standing answer, the other relaying its answer.
     */
    private static void placeTheSameClaimThroughBothAtOnce(final QueryService first, final QueryService second)
            throws Exception {
        final ExecutorService twins = Executors.newFixedThreadPool(2);
        String holder = null;
        String body = null;
        try {
            for (int round = 0; round < TWIN_ROUNDS; round++) {
                body = "{\"claim_id\": \"twin-" + round + "\", \"instance\": \"vm\", \"alias\":"
                        + " \"gpu-a100:1\"}";
                final CyclicBarrier together = new CyclicBarrier(2);
                final String claim = body;
                final Future<Answer> throughFirst = twins.submit(() -> {
                    together.await();
                    return call(first, "POST", "/v1/claims", ACME, claim);
                });
                final Future<Answer> throughSecond = twins.submit(() -> {
                    together.await();
                    return call(second, "POST", "/v1/claims", ACME, claim);
                });
                final Answer one = throughFirst.get();
                final Answer other = throughSecond.get();
                assertThat(one.status()).as(one.body().toString()).isEqualTo(201);
                assertThat(other.status()).as(other.body().toString()).isEqualTo(201);
                assertThat(other.body().path("host")).as("round %d", round).isEqualTo(one.body().path("host"));
                assertThat(other.body().path("devices")).isEqualTo(one.body().path("devices"));
                assertThat(other.servedBy()).as("round %d: both placed by the instance holding the claim id, the other"
                        + " relaying its answer", round).isEqualTo(one.servedBy())
                        .isIn(first.endpoint().toString(), second.endpoint().toString());
                holder = one.servedBy();
                final Answer released = call(round % 2 == 0 ? first : second, "DELETE", "/v1/claims/twin-" + round,
                        ACME, null);
                assertThat(released.status()).as(released.body().toString()).isEqualTo(200);
            }
        } finally {
            twins.shutdownNow();
        }
        // A placement forwarded to an instance that does not hold its claim id (as when the instances disagree in a
        // rebalance) is not placed there: the forwarding instance is told to ask the holder again.
        final QueryService notHolder = first.endpoint().toString().equals(holder) ? second : first;
        final Answer stray = call(notHolder, "POST", "/v1/claims", ACME, body,
                Map.of("X-PCI-Ledger-Forwarded", "true"));
        assertThat(stray.status()).as(stray.body().toString()).isEqualTo(503);
        assertThat(stray.body().path("detail").asText()).contains("does not hold claim id");
    }

    private static boolean allReadable(final QueryService service, final List<String> hosts) throws Exception {
        for (final String host : hosts) {
            if (get(service, "/v1/hosts/" + host, ACME).status() != 200) {
                return false;
            }
        }
        return true;
    }

    private static void assertNoDeviceGrantedTwice(final ServiceHarness harness, final KafkaCluster kafka) {
        final List<ConsumerRecord<String, io.pciledger.schemas.ledger.LedgerEvent>> ledger = TopicRecords.read(
                kafka.clientProperties(), harness.names.of(Topics.LEDGER), Topics.LEDGER.valueSerde().deserializer(),
                Integer.MAX_VALUE, Duration.ofSeconds(8));
        final Map<String, String> holder = new HashMap<>();
        final Set<String> grantedClaimIds = new HashSet<>();
        int grants = 0;
        for (final ConsumerRecord<String, io.pciledger.schemas.ledger.LedgerEvent> record : ledger) {
            final LedgerRecord event = LedgerEvents.toDomain(record.value());
            if (event.event() instanceof LedgerEvent.DevicesClaimed claimed) {
                grants++;
                assertThat(grantedClaimIds.add(claimed.claimId())).as("claim %s granted again, on %s",
                        claimed.claimId(), event.host()).isTrue();
                for (final ClaimedDevice device : claimed.devices()) {
                    final String previous = holder.put(event.host() + "/" + device.address(), claimed.claimId());
                    assertThat(previous).as("device %s/%s granted to %s while held by %s", event.host(),
                            device.address(), claimed.claimId(), previous).isNull();
                }
            } else if (event.event() instanceof LedgerEvent.DevicesReleased released) {
                released.addresses().forEach(address -> holder.remove(event.host() + "/" + address));
            }
        }
        assertThat(grants).isEqualTo(HOSTS * 2 + 1 + TWIN_ROUNDS);
    }
}
