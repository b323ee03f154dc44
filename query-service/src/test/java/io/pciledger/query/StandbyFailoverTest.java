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
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
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
            final Process doomed = startChild(harness);
            try {
                final int doomedPort = awaitReady(doomed);
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

                doomed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
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
            } finally {
                doomed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
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

    private Process startChild(final ServiceHarness harness) throws Exception {
        final Properties properties = new Properties();
        properties.put(LedgerConfig.BOOTSTRAP_SERVERS, harness.kafka.bootstrapServers());
        properties.put(LedgerConfig.APPLICATION_ID, harness.applicationId);
        properties.put(LedgerConfig.TOPIC_PREFIX, harness.names.prefix());
        properties.put(LedgerConfig.STATE_DIR, Files.createTempDirectory(dir, "doomed").toString());
        properties.put(LedgerConfig.COMMIT_INTERVAL_MS, "50");
        properties.put(QueryServiceConfig.HTTP_PORT, "0");
        properties.put(QueryServiceConfig.TOKENS_FILE, dir.resolve("tokens.json").toString());
        FAIL_OVER.forEach((key, value) -> properties.put(key, value.toString()));
        final Path config = dir.resolve("doomed.properties");
        try (Writer writer = Files.newBufferedWriter(config)) {
            properties.store(writer, "the instance this test kills");
        }
        final Path classPath = dir.resolve("classpath.args");
        Files.writeString(classPath, "-cp \"" + System.getProperty("java.class.path").replace("\\", "\\\\")
                .replace("\"", "\\\"") + "\"");
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx384m",
                "@" + classPath, ServiceChildMain.class.getName(), config.toString())
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
    }

    /** Reads the child's output until it says it is ready; its port. The rest of its output goes to a log file. */
    private int awaitReady(final Process child) throws Exception {
        final BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8));
        final Writer log = Files.newBufferedWriter(dir.resolve("doomed.log"));
        final CompletableFuture<Integer> port = new CompletableFuture<>();
        final Thread copier = new Thread(() -> {
            try (log) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    log.write(line + System.lineSeparator());
                    log.flush();
                    if (line.startsWith(ServiceChildMain.READY)) {
                        port.complete(Integer.parseInt(line.substring(ServiceChildMain.READY.length()).trim()));
                    }
                }
                port.completeExceptionally(new IllegalStateException("the child exited before it was ready; see "
                        + dir.resolve("doomed.log")));
            } catch (final java.io.IOException ignored) {
                port.completeExceptionally(ignored);
            }
        }, "doomed-output");
        copier.setDaemon(true);
        copier.start();
        return port.get(150, TimeUnit.SECONDS);
    }
}
