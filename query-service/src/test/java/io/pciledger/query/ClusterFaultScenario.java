package io.pciledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pciledger.agent.fleet.SimulatedFleet;
import io.pciledger.agent.publish.KafkaInventoryPublisher;
import io.pciledger.agent.sysfs.HardwareProfile;
import io.pciledger.ledger.audit.CommittedLedger;
import io.pciledger.ledger.audit.LedgerAudit;
import io.pciledger.ledger.config.LedgerConfig;
import io.pciledger.ledger.domain.ClaimStatus;
import io.pciledger.ledger.domain.HostLedger;
import io.pciledger.ledger.domain.LedgerDevice;
import io.pciledger.query.ApiClient.Reply;
import io.pciledger.query.ClaimTraffic.AnsweredClaim;
import io.pciledger.query.config.QueryServiceConfig;
import io.pciledger.schemas.kafka.TopicContents;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.TopicProvisioner;
import io.pciledger.schemas.topic.TopicSettings;
import io.pciledger.schemas.topic.Topics;
import io.pciledger.testkit.FreePorts;
import io.pciledger.testkit.KafkaCluster;
import io.pciledger.testkit.NodeControl;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scale-out and fault tolerance (issue 7), on a 3-broker KRaft cluster whose topics have 3 replicas and a minimum
 * in-sync set of 2: two ledger instances with their HTTP API, each in a child JVM, configured by
 * {@code docker/ledger.properties} (one standby replica of every task), a simulated fleet, and clients claiming and
 * releasing over HTTP without pause. Meanwhile one broker is killed and later restarted, then the instance that is
 * active for the most hosts is killed with {@code kill -9} and later restarted.
 *
 * <p>Afterwards, from {@code pci.ledger} read with {@code read_committed}: no device was granted twice, no gap in a
 * host's sequence; every claim id has exactly one decision, the one its client was told (so every claim a client
 * was told granted is in the ledger, with its devices); every release a client was told done is recorded; the
 * replayed ledger equals the live state (the last committed pools and group counts, and every host's devices as the
 * running instances serve them). The fail-over gap, the longest a claim on a host of the killed instance waited for
 * its answer after the kill, is printed, as are the longest waits after the broker kill and the restart.
 *
 * <p>The cluster comes from {@code @KafkaTest} on the subclass: {@link ClusterFaultTest} (child JVMs on loopback)
 * and {@link ClusterFaultOnContainersTest} (Testcontainers, where a Docker engine exists).
 */
abstract class ClusterFaultScenario {

    /** The ledger configuration {@code docker/compose.yaml} deploys. */
    static final Path DEPLOYED_CONFIGURATION = Path.of("..", "docker", "ledger.properties");

    private static final int HOSTS = 12;
    private static final int CLIENTS = 4;
    private static final Duration GENEROUS = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    @Test
    void claimsStayExactlyOnceWhileABrokerAndALedgerInstanceAreKilledAndRestarted(final KafkaCluster kafka)
            throws Exception {
        final NodeControl brokers = kafka.nodeControl().orElseThrow(() -> new IllegalStateException(
                "the " + kafka.backend() + " backend cannot kill brokers"));
        assertThat(kafka.brokers()).as("brokers").isEqualTo(3);
        final long seed = System.nanoTime();
        final Random random = new Random(seed);
        final String run = UUID.randomUUID().toString().substring(0, 8);
        final TopicNames names = TopicNames.withPrefix("faults-" + run + ".");
        final Map<String, Object> deployed = deployedConfiguration();
        provisionTopicsAsDeployed(kafka, names, deployed);
        ServiceHarness.writeTokens(dir);
        final List<String> hosts = SimulatedFleet.hostNames(HOSTS);

        final Map<String, ServiceChild> instances = new TreeMap<>();
        final Map<String, URI> addresses = new TreeMap<>();
        final List<Integer> ports = FreePorts.onLoopback(2);
        for (final String name : List.of("ledger-a", "ledger-b")) {
            final int port = ports.get(instances.size());
            instances.put(name, new ServiceChild(name, dir, Path.of("target", "cluster-faults", run, name + ".log"),
                    instanceSettings(deployed, kafka, run, names, name, port)));
            addresses.put(name, URI.create("http://127.0.0.1:" + port));
        }
        final ApiClient admin = new ApiClient(ServiceHarness.ADMIN);
        final List<URI> uris = List.copyOf(addresses.values());
        final Timeline timeline = new Timeline();
        final ClaimTraffic traffic = new ClaimTraffic(uris, hosts, ServiceHarness.ACME);
        try (KafkaInventoryPublisher publisher = new KafkaInventoryPublisher(kafka.clientProperties(), names);
                SimulatedFleet fleet = SimulatedFleet.prepare(dir.resolve("fleet"), HOSTS,
                        HardwareProfile.named("typical-compute"), publisher, 5)) {
            try (ServiceChild first = instances.get("ledger-a"); ServiceChild second = instances.get("ledger-b");
                    traffic) {
                assertThat(fleet.rescanAll().delivered()).as("hosts whose first snapshot was acknowledged")
                        .isEqualTo(HOSTS);
                fleet.start(Duration.ofSeconds(5));
                startTogether(first, second);
                await().atMost(GENEROUS).alias("every host listed by both instances")
                        .until(() -> hostsListed(admin, uris) == HOSTS * uris.size());
                timeline.mark(Timeline.READY);

                traffic.start(CLIENTS, seed);
                awaitAnswers(traffic, 20, "warming up");
                final int broker = random.nextInt(3);
                killAndRestartABroker(brokers, broker, hosts, traffic, timeline);
                final Map.Entry<String, List<String>> doomed = killAndRestartTheBusiestInstance(instances,
                        activeInstances(admin, addresses, hosts), traffic, timeline);
                traffic.stop();
                fleet.close();
                timeline.mark(Timeline.TRAFFIC_STOPPED);

                final LedgerAudit audit = auditAgainstWhatClientsWereTold(kafka, names, traffic, admin, uris.get(0));
                assertThat(answeredBetween(traffic.claims(), timeline.at(Timeline.BROKER_KILLED),
                        timeline.at(Timeline.BROKER_BACK))).as("claims answered while a broker was down").isPositive();
                timeline.mark(Timeline.AUDITED);
                report(kafka, traffic, audit, timeline, broker, doomed.getKey(), doomed.getValue(), hosts, seed);
            }
        }
    }

    /**
     * Kills broker {@code broker} while claims go on, starts it again once some more were answered, and waits until
     * every host's claims are answered again, so that the next fault starts from a sound cluster.
     */
    private static void killAndRestartABroker(final NodeControl brokers, final int broker, final List<String> hosts,
            final ClaimTraffic traffic, final Timeline timeline) {
        timeline.mark(Timeline.BROKER_KILLED);
        brokers.killNode(broker);
        awaitAnswers(traffic, 20, "while broker " + broker + " is down");
        timeline.mark(Timeline.BROKER_RESTARTING);
        brokers.startNode(broker);
        final Instant back = timeline.mark(Timeline.BROKER_BACK);
        await().atMost(GENEROUS).alias("a claim on every host answered after broker " + broker + " came back")
                .until(() -> hosts.stream().allMatch(host -> answeredAfter(traffic, host, back)));
    }

    /**
     * Kills the instance active for the most hosts with {@code kill -9}, waits until a claim on each of them has been
     * answered again (by the survivor), and starts it again with its state directory.
     *
     * @return the killed instance's name and the hosts it was active for
     */
    private static Map.Entry<String, List<String>> killAndRestartTheBusiestInstance(
            final Map<String, ServiceChild> instances, final Map<String, List<String>> activeFor,
            final ClaimTraffic traffic, final Timeline timeline) throws Exception {
        final Map.Entry<String, List<String>> doomed = activeFor.entrySet().stream()
                .max(Map.Entry.comparingByValue((one, other) -> Integer.compare(one.size(), other.size())))
                .orElseThrow();
        final Instant killed = timeline.mark(Timeline.INSTANCE_KILLED);
        instances.get(doomed.getKey()).kill();
        await().atMost(GENEROUS).alias("a claim on every host of the killed " + doomed.getKey() + " answered")
                .until(() -> doomed.getValue().stream().allMatch(host -> answeredAfter(traffic, host, killed)));
        timeline.mark(Timeline.FAILED_OVER);
        awaitAnswers(traffic, 10, "after the fail-over");
        timeline.mark(Timeline.INSTANCE_RESTARTING);
        instances.get(doomed.getKey()).start();
        timeline.mark(Timeline.INSTANCE_BACK);
        awaitAnswers(traffic, 20, "after " + doomed.getKey() + " restarted");
        return doomed;
    }

    /**
     * Reads {@code pci.ledger} committed and checks it: nothing that must never happen, every claim id decided once
     * and as its client was told, every release done, and its replay equal to the derived topics and to every host's
     * devices as {@code instance} serves them.
     */
    private static LedgerAudit auditAgainstWhatClientsWereTold(final KafkaCluster kafka, final TopicNames names,
            final ClaimTraffic traffic, final ApiClient admin, final URI instance) throws InterruptedException {
        final List<AnsweredClaim> claims = traffic.claims();
        final LedgerAudit audit = CommittedLedger.audit(kafka.clientProperties(), names, GENEROUS);
        final Map<String, HostLedger> replayed = audit.replay();
        assertNone("what must never happen in a ledger", audit.violations());
        assertNone("claim ids not decided exactly once", audit.decisionProblems(
                claims.stream().map(AnsweredClaim::claimId).toList()));
        assertNone("answers the ledger does not record", answersNotRecorded(claims, replayed));
        assertNone("releases the ledger does not record", releasesNotRecorded(traffic, replayed));
        assertNone("derived topics that differ from the replayed ledger", CommittedLedger
                .derivedTopicProblems(kafka.clientProperties(), names, replayed, GENEROUS));
        assertNone("hosts whose live state differs from the replayed ledger",
                liveStateProblems(admin, instance, replayed));
        assertThat(TopicContents.committed(kafka.clientProperties(), names.of(Topics.DEAD_LETTERS),
                Topics.DEAD_LETTERS.valueSerde().deserializer(), GENEROUS)).as("dead letters").isEmpty();
        return audit;
    }

    /** When each phase of the test ended, to print how long each took. */
    private static final class Timeline {

        static final String READY = "instances ready";
        static final String BROKER_KILLED = "warmed up, broker killed";
        static final String BROKER_RESTARTING = "broker restarting";
        static final String BROKER_BACK = "broker back";
        static final String INSTANCE_KILLED = "instance killed";
        static final String FAILED_OVER = "failed over";
        static final String INSTANCE_RESTARTING = "instance restarting";
        static final String INSTANCE_BACK = "instance ready again";
        static final String TRAFFIC_STOPPED = "traffic stopped";
        static final String AUDITED = "audited";

        private final Instant started = Instant.now();
        private final Map<String, Instant> marks = new LinkedHashMap<>();

        Instant mark(final String phase) {
            final Instant now = Instant.now();
            marks.put(phase, now);
            return now;
        }

        Instant at(final String phase) {
            return marks.get(phase);
        }

        /** Each phase as {@code name +seconds}, the seconds since the phase before. */
        String phases() {
            final StringBuilder text = new StringBuilder();
            Instant previous = started;
            for (final Map.Entry<String, Instant> mark : marks.entrySet()) {
                text.append(text.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s +%.1f s",
                        mark.getKey(), Duration.between(previous, mark.getValue()).toMillis() / 1000.0));
                previous = mark.getValue();
            }
            return text.toString();
        }
    }

    private static long answeredBetween(final List<AnsweredClaim> claims, final Instant from, final Instant to) {
        return claims.stream().filter(claim -> claim.answeredAt().isAfter(from) && claim.answeredAt().isBefore(to))
                .count();
    }

    /** The settings of {@code docker/ledger.properties}. */
    static Map<String, Object> deployedConfiguration() throws IOException {
        final Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(DEPLOYED_CONFIGURATION)) {
            properties.load(reader);
        }
        final Map<String, Object> settings = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> settings.put(key, properties.getProperty(key)));
        return settings;
    }

    /** Creates the topics as {@code pci-ledger topics} does in the deployment: 3 replicas, at least 2 in sync. */
    private static void provisionTopicsAsDeployed(final KafkaCluster kafka, final TopicNames names,
            final Map<String, Object> deployed) throws Exception {
        final TopicSettings settings = new LedgerConfig(deployed).topicSettings();
        assertThat(settings.replicationFactor()).as("replication factor deployed").isEqualTo((short) 3);
        assertThat(settings.minInsyncReplicas()).as("min.insync.replicas deployed").isEqualTo(2);
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            new TopicProvisioner(admin, names, settings).ensureTopics();
        }
    }

    /** One instance: the deployed configuration, on this cluster, with its own state, on loopback. */
    private Map<String, Object> instanceSettings(final Map<String, Object> deployed, final KafkaCluster kafka,
            final String run, final TopicNames names, final String name, final int port) throws IOException {
        final Map<String, Object> settings = new HashMap<>(deployed);
        settings.put(LedgerConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        settings.put(LedgerConfig.APPLICATION_ID, "faults-" + run);
        settings.put(LedgerConfig.TOPIC_PREFIX, names.prefix());
        settings.put(LedgerConfig.STATE_DIR, Files.createDirectories(dir.resolve(name + "-state")).toString());
        settings.put(QueryServiceConfig.HTTP_HOST, "127.0.0.1");
        settings.put(QueryServiceConfig.HTTP_PORT, Integer.toString(port));
        settings.put(QueryServiceConfig.ADVERTISED_HOST, "127.0.0.1");
        settings.put(QueryServiceConfig.TOKENS_FILE, dir.resolve("tokens.json").toString());
        return settings;
    }

    private static void startTogether(final ServiceChild first, final ServiceChild second) throws Exception {
        final CompletableFuture<Integer> starting = CompletableFuture.supplyAsync(() -> {
            try {
                return first.start();
            } catch (final Exception failed) {
                throw new IllegalStateException(failed);
            }
        });
        second.start();
        starting.get();
    }

    /** How many hosts the instances list, together. */
    private static int hostsListed(final ApiClient admin, final List<URI> instances) throws InterruptedException {
        int listed = 0;
        for (final URI instance : instances) {
            final Reply reply = admin.get(instance, "/v1/hosts");
            listed += reply.status() == 200 ? reply.body().path("hosts").size() : 0;
        }
        return listed;
    }

    /** Waits until {@code more} claims more than now have been answered. */
    private static void awaitAnswers(final ClaimTraffic traffic, final int more, final String when) {
        final int target = traffic.answered() + more;
        await().atMost(GENEROUS).pollInterval(Duration.ofMillis(200))
                .alias(more + " more claims answered " + when).until(() -> traffic.answered() >= target);
    }

    private static boolean answeredAfter(final ClaimTraffic traffic, final String host, final Instant moment) {
        return traffic.claims().stream().anyMatch(claim -> claim.host().equals(host)
                && claim.answeredAt().isAfter(moment));
    }

    /** Which instance is active for each host, as the instances say ({@code X-PCI-Ledger-Served-By}). */
    private static Map<String, List<String>> activeInstances(final ApiClient admin, final Map<String, URI> addresses,
            final List<String> hosts) {
        final Map<String, String> names = new HashMap<>();
        addresses.forEach((name, uri) -> names.put(uri.getHost() + ":" + uri.getPort(), name));
        final Map<String, List<String>> activeFor = new TreeMap<>();
        addresses.keySet().forEach(name -> activeFor.put(name, new ArrayList<>()));
        final URI asked = addresses.values().iterator().next();
        for (final String host : hosts) {
            final String servedBy = await().atMost(GENEROUS).alias("the instance active for " + host)
                    .until(() -> activeServer(admin, asked, host), Optional::isPresent).orElseThrow();
            activeFor.get(names.get(servedBy)).add(host);
        }
        return activeFor;
    }

    private static Optional<String> activeServer(final ApiClient admin, final URI instance, final String host)
            throws InterruptedException {
        final Reply reply = admin.get(instance, "/v1/hosts/" + host);
        return reply.status() == 200 ? reply.servedBy().filter(server -> !server.contains("standby"))
                : Optional.empty();
    }

    /** Every answer a client was given that the ledger does not record as that decision. */
    private static List<String> answersNotRecorded(final List<AnsweredClaim> claims,
            final Map<String, HostLedger> replayed) {
        final List<String> problems = new ArrayList<>();
        for (final AnsweredClaim told : claims) {
            final HostLedger ledger = replayed.get(told.host());
            if (ledger == null) {
                problems.add(told + ": the ledger has no host " + told.host());
            } else if (told.granted()) {
                final Optional<List<String>> recorded = ledger.claim(told.claimId())
                        .map(io.pciledger.ledger.domain.Claim::addresses);
                if (!recorded.equals(Optional.of(told.addresses()))) {
                    problems.add(told + ": the ledger records the grant of " + recorded);
                }
            } else if (told.status() == 409 || told.status() == 422) {
                final Optional<String> recorded = ledger.rejection(told.claimId())
                        .map(rejection -> rejection.reason().name());
                if (!recorded.equals(Optional.ofNullable(told.reason()))) {
                    problems.add(told + ": the ledger records the refusal " + recorded);
                }
            } else {
                problems.add(told + ": an answer that is neither a grant nor a ledger refusal");
            }
        }
        return problems;
    }

    private static List<String> releasesNotRecorded(final ClaimTraffic traffic,
            final Map<String, HostLedger> replayed) {
        return traffic.releases().stream()
                .filter(release -> replayed.get(release.host()).claim(release.claimId())
                        .map(claim -> claim.status() != ClaimStatus.RELEASED).orElse(true))
                .map(release -> release + " is not released in the ledger")
                .toList();
    }

    /**
     * Every host whose devices, as a running instance serves them once it has read the whole ledger
     * ({@code ?after=}), differ from the replay: status and holder of each device, and the ledger position.
     */
    private static List<String> liveStateProblems(final ApiClient admin, final URI instance,
            final Map<String, HostLedger> replayed) throws InterruptedException {
        final List<String> problems = new ArrayList<>();
        for (final Map.Entry<String, HostLedger> host : replayed.entrySet()) {
            final long position = host.getValue().nextSeq() - 1;
            final Reply reply = admin.get(instance, "/v1/hosts/" + host.getKey() + "/devices?after=" + position);
            if (reply.status() != 200) {
                problems.add("host " + host.getKey() + ": its devices answered " + reply.status() + " " + reply.body());
                continue;
            }
            final Map<String, String> served = new TreeMap<>();
            reply.body().path("devices").forEach(device -> served.put(device.path("address").asText(),
                    device.path("status").asText() + " " + device.path("claim_id").asText("-")));
            final Map<String, String> expected = new TreeMap<>();
            for (final LedgerDevice device : host.getValue().devices()) {
                expected.put(device.address(), device.status().name().toLowerCase(Locale.ROOT) + " "
                        + (device.holder() == null ? "-" : device.holder()));
            }
            if (!served.equals(expected) || reply.body().path("ledger_seq").asLong() != position) {
                problems.add("host " + host.getKey() + ": served at seq " + reply.body().path("ledger_seq")
                        + " " + served + ", the replay at seq " + position + " " + expected);
            }
        }
        return problems;
    }

    private static void report(final KafkaCluster kafka, final ClaimTraffic traffic, final LedgerAudit audit,
            final Timeline timeline, final int broker, final String doomed, final List<String> doomedHosts,
            final List<String> hosts, final long seed) {
        final List<AnsweredClaim> claims = traffic.claims();
        final long granted = claims.stream().filter(AnsweredClaim::granted).count();
        final Instant brokerKilled = timeline.at(Timeline.BROKER_KILLED);
        final Instant brokerBack = timeline.at(Timeline.BROKER_BACK);
        final ClaimWait failOver = ClaimWait.longest(claims, doomedHosts, timeline.at(Timeline.INSTANCE_KILLED),
                timeline.at(Timeline.INSTANCE_RESTARTING)).orElseThrow();
        System.out.printf(Locale.ROOT, "cluster fault test (%s, seed %d): %d claims answered (%d granted, %d refused),"
                        + " %d releases; HTTP statuses seen %s (-1: no answer); ledger audit: %d records, sound%n",
                kafka.backend(), seed, claims.size(), granted, claims.size() - granted, traffic.releases().size(),
                traffic.statuses(), audit.records());
        System.out.printf(Locale.ROOT, "  broker %d killed for %.1f s: %d claims answered meanwhile; the longest a"
                        + " claim waited after the kill: %s%n", broker,
                Duration.between(brokerKilled, brokerBack).toMillis() / 1000.0,
                answeredBetween(claims, brokerKilled, brokerBack),
                ClaimWait.longest(claims, hosts, brokerKilled, timeline.at(Timeline.INSTANCE_KILLED)).orElseThrow());
        System.out.printf(Locale.ROOT, "  fail-over gap: %d ms, the longest a claim on a host of %s (kill -9, active"
                        + " for %s) waited after the kill: %s%n", failOver.length().toMillis(), doomed, doomedHosts,
                failOver);
        System.out.printf(Locale.ROOT, "  %s restarted: the longest a claim waited after the restart began: %s%n",
                doomed, ClaimWait.longest(claims, hosts, timeline.at(Timeline.INSTANCE_RESTARTING),
                        timeline.at(Timeline.TRAFFIC_STOPPED)).orElseThrow());
        System.out.printf(Locale.ROOT, "  phases: %s%n", timeline.phases());
        System.out.flush();
    }

    private static void assertNone(final String what, final List<String> problems) {
        assertThat(problems.size()).as("%s: %d, the first:%n%s", what, problems.size(),
                problems.stream().limit(20).collect(Collectors.joining(System.lineSeparator()))).isZero();
    }
}
