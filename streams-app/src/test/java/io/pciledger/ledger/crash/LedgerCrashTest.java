package io.pciledger.ledger.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pciledger.ledger.audit.CommittedLedger;
import io.pciledger.ledger.audit.LedgerAudit;
import io.pciledger.ledger.avro.ClaimResults;
import io.pciledger.ledger.avro.InventoryFacts;
import io.pciledger.ledger.config.LedgerConfig;
import io.pciledger.ledger.domain.ClaimRequest;
import io.pciledger.ledger.domain.CommandOutcome;
import io.pciledger.ledger.domain.CommandOutcome.Rejected;
import io.pciledger.ledger.domain.HostLedger;
import io.pciledger.ledger.domain.InventoryFact;
import io.pciledger.ledger.domain.RejectReason;
import io.pciledger.schemas.kafka.TopicContents;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.TopicProvisioner;
import io.pciledger.schemas.topic.TopicSettings;
import io.pciledger.schemas.topic.Topics;
import io.pciledger.testkit.KafkaCluster;
import io.pciledger.testkit.KafkaTest;
import io.pciledger.testkit.TopicRecords;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exactly-once under {@code kill -9} (issue 4): against the real broker, clients claim, retry and release while
 * the ledger, alone in a child JVM with a long commit interval (so a transaction is open most of the time), is
 * killed with {@code SIGKILL} at random moments and restarted, several times, once with its state directory
 * wiped so that it restores from the changelog. Afterwards, reading with {@code read_committed}: every claim id
 * has exactly one decision in the ledger and every command exactly one answer, the one the ledger recorded; no
 * device was ever held twice; each host's sequence numbers are gap-free; and the fold of the whole ledger equals
 * the last published pools and group counts.
 */
@KafkaTest
class LedgerCrashTest {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerCrashTest.class);

    private static final int CRASHES = 3;
    /** The crash that wipes the state directory before the restart. */
    private static final int WIPING_CRASH = 2;
    private static final int CLIENTS = 3;
    private static final Duration COMMIT_INTERVAL = Duration.ofSeconds(2);
    private static final Duration GENEROUS = Duration.ofSeconds(120);

    @TempDir
    Path workDir;

    @Test
    void everyClaimIsDecidedOnceWhileTheLedgerIsKilledAndRestarted(final KafkaCluster kafka) throws Exception {
        final long seed = System.nanoTime();
        final Random random = new Random(seed);
        final String run = UUID.randomUUID().toString().substring(0, 8);
        LOG.info("Crash test run {}, random seed {}", run, seed);
        final TopicNames names = TopicNames.withPrefix("crash-" + run + ".");
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            new TopicProvisioner(admin, names, TopicSettings.forReplicationFactor(3, 1)).ensureTopics();
        }
        final Path stateDir = workDir.resolve("state");

        try (LedgerChild ledger = LedgerChild.configuredBy(ledgerConfig(kafka, run, names, stateDir), workDir,
                Path.of("target", "ledger-crash", run + ".log"));
                ClaimLoad load = new ClaimLoad(kafka.clientProperties(), names)) {
            ledger.start();
            reportInventory(kafka, names);
            ledger.awaitRunning(GENEROUS);
            assertThat(TopicRecords.read(kafka.clientProperties(), names.of(Topics.HOST_POOLS),
                    Topics.HOST_POOLS.valueSerde().deserializer(), CrashFleet.HOSTS.size(), GENEROUS))
                    .as("pools of the hosts, once their inventory is in the ledger").hasSize(CrashFleet.HOSTS.size());
            load.start(CLIENTS, seed);

            crashRepeatedly(ledger, load, random, stateDir);
            awaitNewAnswers(load, "after the last restart");
            load.stopSending();
            load.awaitAllAnswered(GENEROUS);

            final LedgerAudit audit = settledLedger(kafka, names);
            final List<ClaimLoad.Sent> sent = load.sent();

            assertThat(audit.kinds()).as("what the clients' commands made the ledger record")
                    .containsKeys("DevicesClaimed", "DevicesReleased", "ClaimRejected INSUFFICIENT_DEVICES");
            assertNone("sequence numbers out of order", audit.sequenceProblems());
            assertNone("devices held twice", audit.holdingProblems());
            assertNone("claim ids not decided exactly once", audit.decisionProblems(sent.stream()
                    .filter(command -> command.command() instanceof ClaimRequest)
                    .map(command -> command.command().claimId()).toList()));
            final Map<String, HostLedger> hosts = audit.replay();
            final Map<String, List<CommandOutcome>> answers = committedAnswers(kafka, names);
            assertNone("commands without exactly one answer, the recorded one", answerProblems(answers, sent, hosts));
            assertThat(answers.values().stream().flatMap(List::stream).filter(answer -> answer instanceof Rejected
                    rejected && rejected.reason() == RejectReason.CLAIM_ID_CONFLICT).count())
                    .as("retries with another request, refused CLAIM_ID_CONFLICT").isPositive();
            final int aborted = TopicContents.uncommitted(kafka.clientProperties(), names.of(Topics.CLAIM_RESULTS),
                    Topics.CLAIM_RESULTS.valueSerde().deserializer(), GENEROUS).size() - sent.size();
            assertThat(aborted).as("results in aborted transactions: the kills must have hit open ones").isPositive();
            await().atMost(GENEROUS).alias("pools and group counts of the replayed ledger published")
                    .untilAsserted(() -> assertNone("derived topics that differ from the replayed ledger",
                            CommittedLedger.derivedTopicProblems(kafka.clientProperties(), names, hosts, GENEROUS)));
            assertThat(TopicContents.committed(kafka.clientProperties(), names.of(Topics.DEAD_LETTERS),
                    Topics.DEAD_LETTERS.valueSerde().deserializer(), GENEROUS)).as("dead letters").isEmpty();
            LOG.info("Crash test run {}: {} commands, {} results aborted by {} crashes, ledger records {}", run,
                    sent.size(), aborted, CRASHES, audit.kinds());
        }
    }

    /**
     * Kills the ledger {@value #CRASHES} times while the clients go on, each time at a random moment of a
     * transaction, and restarts it; before restart {@value #WIPING_CRASH} its state directory is wiped.
     */
    private static void crashRepeatedly(final LedgerChild ledger, final ClaimLoad load, final Random random,
            final Path stateDir) throws Exception {
        for (int crash = 1; crash <= CRASHES; crash++) {
            awaitNewAnswers(load, "before crash " + crash);
            // A random moment of a later transaction, once the clients have had time to send a few commands
            // into it: the point of the test, so a pause rather than a condition.
            Thread.sleep(250 + random.nextLong(COMMIT_INTERVAL.toMillis()));
            ledger.kill();
            LOG.info("Crash {}: killed the ledger with {} of {} commands answered", crash, load.answered(),
                    load.sent().size());
            if (crash == WIPING_CRASH) {
                deleteRecursively(stateDir);
            }
            ledger.start();
            ledger.awaitRunning(GENEROUS);
        }
    }

    /** Waits until the ledger has committed answers to commands not answered so far. */
    private static void awaitNewAnswers(final ClaimLoad load, final String when) {
        final int answered = load.answered();
        await().atMost(GENEROUS).alias("the ledger committing new answers " + when)
                .until(() -> load.answered() > answered);
    }

    private static Properties ledgerConfig(final KafkaCluster kafka, final String run, final TopicNames names,
            final Path stateDir) {
        final Properties config = new Properties();
        config.setProperty(LedgerConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        config.setProperty(LedgerConfig.APPLICATION_ID, "crash-" + run);
        config.setProperty(LedgerConfig.TOPIC_PREFIX, names.prefix());
        config.setProperty(LedgerConfig.STATE_DIR, stateDir.toString());
        config.setProperty(LedgerConfig.COMMIT_INTERVAL_MS, String.valueOf(COMMIT_INTERVAL.toMillis()));
        config.setProperty(LedgerConfig.CHECK_INTERVAL_MS, "1000");
        config.setProperty(LedgerConfig.STALE_AFTER_MS, String.valueOf(Duration.ofHours(1).toMillis()));
        // A killed instance never leaves the group: its restart takes its place at once (static membership).
        config.setProperty(LedgerConfig.STREAMS_PREFIX + "group.instance.id", "crash-" + run);
        return config;
    }

    /** The agent of every host reports its devices. */
    private static void reportInventory(final KafkaCluster kafka, final TopicNames names) throws Exception {
        final Map<String, Object> config = kafka.clientProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, io.pciledger.schemas.inventory.InventoryFact> facts = new KafkaProducer<>(config,
                new StringSerializer(), Topics.INVENTORY.valueSerde().serializer())) {
            for (final String host : CrashFleet.HOSTS) {
                facts.send(new ProducerRecord<>(names.of(Topics.INVENTORY), host, InventoryFacts.toAvro(
                        "snapshot-" + host, host, Instant.now(), new InventoryFact.HostSnapshot(
                                CrashFleet.devices())))).get();
            }
        }
    }

    /** The audit of the committed ledger once nothing changes it any more: every claim with a time-to-live ended. */
    private static LedgerAudit settledLedger(final KafkaCluster kafka, final TopicNames names) {
        return await().atMost(GENEROUS).alias("every claim with a time-to-live released or expired")
                .until(() -> CommittedLedger.audit(kafka.clientProperties(), names, GENEROUS),
                        audit -> audit.pendingExpiries() == 0);
    }

    /** The committed results, by the command id they answer. */
    private static Map<String, List<CommandOutcome>> committedAnswers(final KafkaCluster kafka,
            final TopicNames names) {
        final Map<String, List<CommandOutcome>> answers = new HashMap<>();
        TopicContents.committed(kafka.clientProperties(), names.of(Topics.CLAIM_RESULTS),
                Topics.CLAIM_RESULTS.valueSerde().deserializer(), GENEROUS).forEach(record ->
                answers.computeIfAbsent(record.value().getCommandId(), id -> new ArrayList<>())
                        .add(ClaimResults.toDomain(record.value())));
        return answers;
    }

    /** Every command sent must have exactly one answer, the one its host's ledger recorded. */
    private static List<String> answerProblems(final Map<String, List<CommandOutcome>> answers,
            final List<ClaimLoad.Sent> sent, final Map<String, HostLedger> hosts) {
        final List<String> problems = new ArrayList<>();
        for (final ClaimLoad.Sent command : sent) {
            final List<CommandOutcome> given = answers.getOrDefault(command.commandId(), List.of());
            final Optional<CommandOutcome> expected = Optional.ofNullable(hosts.get(command.host()))
                    .flatMap(ledger -> LedgerAudit.expectedAnswer(ledger, command.command()));
            if (given.size() != 1) {
                problems.add(command + " has " + given.size() + " answers: " + given);
            } else if (expected.isEmpty()) {
                problems.add(command + " was answered " + given.get(0) + ", but its claim has no decision");
            } else if (!LedgerAudit.sameAnswer(expected.get(), given.get(0))) {
                problems.add(command + " was answered " + given.get(0) + ", but the ledger says "
                        + expected.get());
            }
        }
        final Set<String> sentIds = new HashSet<>();
        sent.forEach(command -> sentIds.add(command.commandId()));
        answers.keySet().stream().filter(id -> !sentIds.contains(id)).forEach(id ->
                problems.add("answer to a command never sent: " + id));
        return problems;
    }

    /** Fails listing the first few of {@code problems}, if there are any. */
    private static void assertNone(final String what, final List<String> problems) {
        assertThat(problems.size()).as("%s: %d, the first:%n%s", what, problems.size(),
                String.join(System.lineSeparator(), problems.stream().limit(20).toList())).isZero();
    }

    private static void deleteRecursively(final Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (final Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
