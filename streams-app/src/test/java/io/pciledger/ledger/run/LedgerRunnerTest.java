package io.pciledger.ledger.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pciledger.ledger.config.LedgerConfig;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.TopicProvisioner;
import io.pciledger.schemas.topic.TopicSettings;
import io.pciledger.schemas.topic.Topics;
import io.pciledger.testkit.KafkaCluster;
import io.pciledger.testkit.KafkaTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.errors.LogAndFailExceptionHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A ledger instance on a real broker: it runs, reports its states, fails loudly and leaves its group on close. */
@KafkaTest
class LedgerRunnerTest {

    @TempDir
    Path stateDir;

    @Test
    void runsUntilClosedAndLeavesItsConsumerGroup(final KafkaCluster kafka) throws Exception {
        final LedgerConfig config = provisionedLedger(kafka, Map.of());
        final List<State> states = new CopyOnWriteArrayList<>();
        final LedgerRunner ledger = new LedgerRunner(config);
        ledger.addStateListener((newState, oldState) -> states.add(newState));

        ledger.start();
        assertThat(ledger.awaitRunning(Duration.ofSeconds(60))).as("running within 60 s").isTrue();
        assertThat(ledger.close(Duration.ofSeconds(60))).as("closed within 60 s").isTrue();

        // Kafka Streams may call the listener of the last transition just after close() returned.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(states).contains(State.RUNNING).endsWith(State.PENDING_SHUTDOWN, State.NOT_RUNNING));
        assertThat(ledger.failure()).isEmpty();
        assertThat(group(kafka, config).members()).as("members left in the ledger's consumer group").isEmpty();
    }

    @Test
    void aDeadStreamThreadStopsTheLedgerAndKeepsTheCause(final KafkaCluster kafka) throws Exception {
        final LedgerConfig config = provisionedLedger(kafka, Map.of(
                "streams.deserialization.exception.handler", LogAndFailExceptionHandler.class.getName()));
        try (LedgerRunner ledger = new LedgerRunner(config)) {
            ledger.start();
            assertThat(ledger.awaitRunning(Duration.ofSeconds(60))).as("running within 60 s").isTrue();

            send(kafka, config.topicNames().of(Topics.INVENTORY), new byte[] {1, 2, 3});

            await().atMost(Duration.ofSeconds(60)).until(() -> ledger.state() == State.ERROR);
            assertThat(ledger.failure()).hasValueSatisfying(cause ->
                    assertThat(cause).hasStackTraceContaining("Deserialization"));
            assertThat(ledger.whenFailed().toCompletableFuture()).isCompleted();
        }
    }

    private LedgerConfig provisionedLedger(final KafkaCluster kafka, final Map<String, String> extra) {
        final String run = "runner-" + UUID.randomUUID().toString().substring(0, 8);
        final TopicNames names = TopicNames.withPrefix(run + ".");
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            new TopicProvisioner(admin, names, TopicSettings.forReplicationFactor(2, 1)).ensureTopics();
        }
        final Map<String, Object> settings = new HashMap<>(extra);
        settings.put(LedgerConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        settings.put(LedgerConfig.APPLICATION_ID, run);
        settings.put(LedgerConfig.STATE_DIR, stateDir.resolve(run).toString());
        settings.put(LedgerConfig.TOPIC_PREFIX, names.prefix());
        return new LedgerConfig(settings);
    }

    private static ConsumerGroupDescription group(final KafkaCluster kafka, final LedgerConfig config)
            throws Exception {
        final String groupId = config.getString(LedgerConfig.APPLICATION_ID);
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            return admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId);
        }
    }

    private static void send(final KafkaCluster kafka, final String topic, final byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.clientProperties(),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, "compute-1", value)).get();
        }
    }
}
