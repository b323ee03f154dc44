package io.pciledger.query;

import static io.pciledger.query.ServiceHarness.ACME;
import static io.pciledger.query.ServiceHarness.call;
import static io.pciledger.query.ServiceHarness.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pciledger.ledger.config.LedgerConfig;
import io.pciledger.ledger.query.InstanceEndpoint;
import io.pciledger.ledger.query.KeyOwners;
import io.pciledger.ledger.query.LedgerRouting;
import io.pciledger.ledger.query.LocalLedgerReads;
import io.pciledger.query.ServiceHarness.Answer;
import io.pciledger.query.config.QueryServiceConfig;
import io.pciledger.testkit.KafkaCluster;
import io.pciledger.testkit.KafkaTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An instance killed with {@code kill -9}: until the group notices, a standby replica on the surviving instance
 * answers the dead instance's hosts, marked {@code may_be_stale}; then the survivor takes the hosts over, and a
 * claim sent in between is answered once it has.
 */
@KafkaTest
class StandbyFailoverTest {

    private static final int HOSTS = 6;
    private static final Map<String, Object> FAIL_OVER = Map.of(
            LedgerConfig.STREAMS_PREFIX + "num.standby.replicas", "1",
            LedgerConfig.STREAMS_PREFIX + "consumer.session.timeout.ms", "10000",
            LedgerConfig.STREAMS_PREFIX + "consumer.heartbeat.interval.ms", "1000",
            QueryServiceConfig.CLAIM_TIMEOUT_MS, "60000");

    @TempDir
    Path dir;

    @Test
    void aStandbyAnswersTheDeadInstancesHostsUntilTheSurvivorTakesThemOver(final KafkaCluster kafka)
            throws Exception {
        try (ServiceHarness harness = new ServiceHarness(kafka, dir)) {
            try (ServiceChild doomed = new ServiceChild("doomed", dir,
                    Path.of("target", "standby-failover", harness.applicationId + ".log"), childSettings(harness))) {
                final int doomedPort = doomed.start();
                final QueryService survivor = harness.startInstance(FAIL_OVER);
                final List<String> hosts = new ArrayList<>();
                for (int index = 0; index < HOSTS; index++) {
                    hosts.add("compute-" + index);
                    harness.report(hosts.get(index), ServiceHarness.devices("gpu-a100", 2, 2));
                }
                final InstanceEndpoint dead = new InstanceEndpoint("127.0.0.1", doomedPort);
                final LedgerRouting routing = new LedgerRouting(survivor.streams());
                final LocalLedgerReads standbys = LocalLedgerReads.includingStandbys(survivor.streams());
                final String host = await().atMost(Duration.ofSeconds(120)).until(() -> hosts.stream()
                        .filter(name -> ownedByWithStandbyHere(routing, name, dead, survivor.endpoint())
                                && standbys.host(name).isPresent())
                        .findFirst(), Optional::isPresent).get();

                doomed.kill();
                final long killedAt = System.nanoTime();

                final Answer fromStandby = get(survivor, "/v1/hosts/" + host, ACME);
                assertThat(fromStandby.status()).as(fromStandby.body().toString()).isEqualTo(200);
                assertThat(fromStandby.body().path("may_be_stale").asBoolean()).isTrue();

                final CompletableFuture<Answer> claimDuringFailOver = CompletableFuture.supplyAsync(() -> {
                    try {
                        return call(survivor, "POST", "/v1/claims", ACME, "{\"claim_id\": \"during-1\","
                                + " \"instance\": \"vm\", \"host\": \"" + host + "\", \"items\": [{\"group\":"
                                + " \"gpu-a100\", \"count\": 1}]}");
                    } catch (final Exception failed) {
                        throw new IllegalStateException(failed);
                    }
                });
                await().atMost(Duration.ofSeconds(120)).until(() -> {
                    final Answer answer = get(survivor, "/v1/hosts/" + host, ACME);
                    return answer.status() == 200 && !answer.body().path("may_be_stale").asBoolean();
                });
                final Duration gap = Duration.ofNanos(System.nanoTime() - killedAt);
                System.out.printf("fail-over gap: the survivor answered %s as active %d ms after the kill%n",
                        host, gap.toMillis());
                final Answer claimed = claimDuringFailOver.get(90, TimeUnit.SECONDS);
                assertThat(claimed.status()).as(claimed.body().toString()).isEqualTo(201);
            }
        }
    }

    private static boolean ownedByWithStandbyHere(final LedgerRouting routing, final String host,
            final InstanceEndpoint active, final InstanceEndpoint here) {
        try {
            final KeyOwners owners = routing.hostOwners(host);
            return owners.active().equals(active) && owners.standbys().contains(here);
        } catch (final RuntimeException notNow) {
            return false;
        }
    }

    private Map<String, Object> childSettings(final ServiceHarness harness) throws Exception {
        final Map<String, Object> settings = new HashMap<>(FAIL_OVER);
        settings.put(LedgerConfig.BOOTSTRAP_SERVERS, harness.kafka.bootstrapServers());
        settings.put(LedgerConfig.APPLICATION_ID, harness.applicationId);
        settings.put(LedgerConfig.TOPIC_PREFIX, harness.names.prefix());
        settings.put(LedgerConfig.STATE_DIR, Files.createTempDirectory(dir, "doomed").toString());
        settings.put(LedgerConfig.COMMIT_INTERVAL_MS, "50");
        settings.put(QueryServiceConfig.HTTP_PORT, "0");
        settings.put(QueryServiceConfig.TOKENS_FILE, dir.resolve("tokens.json").toString());
        return settings;
    }
}
