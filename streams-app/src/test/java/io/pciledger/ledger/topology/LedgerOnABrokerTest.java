package io.pciledger.ledger.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pciledger.ledger.avro.ClaimResults;
import io.pciledger.ledger.avro.Commands;
import io.pciledger.ledger.avro.InventoryFacts;
import io.pciledger.ledger.avro.LedgerEvents;
import io.pciledger.ledger.config.LedgerConfig;
import io.pciledger.ledger.domain.ClaimRequest;
import io.pciledger.ledger.domain.CommandOutcome;
import io.pciledger.ledger.domain.CommandOutcome.Granted;
import io.pciledger.ledger.domain.DevType;
import io.pciledger.ledger.domain.Device;
import io.pciledger.ledger.domain.HostLedger;
import io.pciledger.ledger.domain.InventoryFact;
import io.pciledger.ledger.domain.LedgerRecord;
import io.pciledger.ledger.domain.RequestItem;
import io.pciledger.ledger.domain.Requester;
import io.pciledger.schemas.deadletter.DeadLetter;
import io.pciledger.schemas.result.ClaimResult;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.TopicProvisioner;
import io.pciledger.schemas.topic.TopicSettings;
import io.pciledger.schemas.topic.Topics;
import io.pciledger.testkit.KafkaCluster;
import io.pciledger.testkit.KafkaTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger on a real broker, exactly-once: results are read committed, a restarted instance continues the
 * hosts' ledgers from its state, and an undecodable input is dead-lettered.
 */
@KafkaTest
class LedgerOnABrokerTest {

    private static final String HOST = "compute-7";
    private static final Device GPU_A = gpu("0000:af:00.0");
    private static final Device GPU_B = gpu("0000:b0:00.0");

    @TempDir
    Path stateDir;

    @Test
    void grantsAreCommittedAndARestartedLedgerContinuesFromItsState(final KafkaCluster kafka) throws Exception {
        final TopicNames names = freshTopics(kafka);
        final LedgerConfig config = config(kafka, names);

        try (KafkaProducer<String, byte[]> producer = producer(kafka);
                KafkaConsumer<String, ClaimResult> results = consumer(kafka, names, Topics.CLAIM_RESULTS)) {
            final List<ClaimResult> unread = new ArrayList<>();
            final KafkaStreams ledger = start(config);
            try {
                send(producer, names.of(Topics.INVENTORY), new byte[] {1, 2, 3});
                send(producer, names.of(Topics.INVENTORY), Topics.INVENTORY.valueSerde().serializer().serialize(null,
                        InventoryFacts.toAvro("fact-1", HOST, Instant.now(), new InventoryFact.HostSnapshot(
                                List.of(GPU_A, GPU_B)))));
                sendClaim(producer, names, "c-1");

                assertThat(awaitResult(results, unread, "c-1")).isInstanceOfSatisfying(Granted.class,
                        granted -> assertThat(granted.ledgerSeq()).isEqualTo(3));
            } finally {
                stop(ledger);
            }
            final KafkaStreams restarted = start(config);
            try {
                sendClaim(producer, names, "c-1");
                sendClaim(producer, names, "c-2");

                assertThat(awaitResult(results, unread, "c-1")).isInstanceOfSatisfying(Granted.class,
                        granted -> assertThat(granted.ledgerSeq()).isEqualTo(3));
                assertThat(awaitResult(results, unread, "c-2")).isInstanceOfSatisfying(Granted.class,
                        granted -> assertThat(granted.ledgerSeq()).isEqualTo(4));
            } finally {
                stop(restarted);
            }
        }
        final List<LedgerRecord> history = readLedger(kafka, names, 4);
        assertThat(history).extracting(LedgerRecord::seq).containsExactly(1L, 2L, 3L, 4L);
        assertThat(HostLedger.replay(HOST, history).claim("c-2")).isPresent();
        assertThat(readDeadLetter(kafka, names).getValue().array()).containsExactly(1, 2, 3);
    }

    private static TopicNames freshTopics(final KafkaCluster kafka) throws Exception {
        final TopicNames names = TopicNames.withPrefix("ledger-" + UUID.randomUUID().toString().substring(0, 8) + ".");
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            new TopicProvisioner(admin, names, TopicSettings.forReplicationFactor(2, 1)).ensureTopics();
        }
        return names;
    }

    private LedgerConfig config(final KafkaCluster kafka, final TopicNames names) {
        final Map<String, Object> settings = new HashMap<>();
        settings.put(LedgerConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        settings.put(LedgerConfig.APPLICATION_ID, names.prefix().replaceAll("\\.$", ""));
        settings.put(LedgerConfig.STATE_DIR, stateDir.toString());
        settings.put(LedgerConfig.TOPIC_PREFIX, names.prefix());
        return new LedgerConfig(settings);
    }

    private static DeadLetter readDeadLetter(final KafkaCluster kafka, final TopicNames names) {
        final List<DeadLetter> letters = new ArrayList<>();
        try (KafkaConsumer<String, DeadLetter> consumer = consumer(kafka, names, Topics.DEAD_LETTERS)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> letters.add(record.value()));
                return !letters.isEmpty();
            });
        }
        return letters.get(0);
    }

    private static KafkaStreams start(final LedgerConfig config) {
        final KafkaStreams streams = LedgerStreams.create(config);
        streams.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
        return streams;
    }

    /** Closes {@code streams} leaving its group, so that the next instance need not wait out its session. */
    private static void stop(final KafkaStreams streams) {
        assertThat(streams.close(CloseOptions.groupMembershipOperation(
                CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(Duration.ofSeconds(60))))
                .as("the ledger closed within 60 s").isTrue();
    }

    private static void sendClaim(final KafkaProducer<String, byte[]> producer, final TopicNames names,
            final String claimId) throws Exception {
        final ClaimRequest claim = new ClaimRequest(claimId, "acme", "vm-" + claimId,
                List.of(RequestItem.devices("gpu", 1)), false, null);
        send(producer, names.of(Topics.COMMANDS), Topics.COMMANDS.valueSerde().serializer().serialize(null,
                Commands.toAvro("cmd-" + UUID.randomUUID(), HOST, Instant.now(), Requester.tenant("acme"), claim)));
    }

    private static void send(final KafkaProducer<String, byte[]> producer, final String topic, final byte[] value)
            throws Exception {
        producer.send(new ProducerRecord<>(topic, HOST, value)).get();
    }

    /**
     * The next committed result of {@code claimId} not taken yet. Results read on the way for other claims are
     * kept in {@code unread}: one poll may bring several.
     */
    private static CommandOutcome awaitResult(final KafkaConsumer<String, ClaimResult> results,
            final List<ClaimResult> unread, final String claimId) {
        await().atMost(Duration.ofSeconds(90)).alias("result of " + claimId).until(() -> {
            results.poll(Duration.ofMillis(200)).forEach(record -> unread.add(record.value()));
            return unread.stream().anyMatch(result -> result.getClaimId().equals(claimId));
        });
        final ClaimResult next = unread.stream().filter(result -> result.getClaimId().equals(claimId))
                .findFirst().orElseThrow();
        unread.remove(next);
        return ClaimResults.toDomain(next);
    }

    private static List<LedgerRecord> readLedger(final KafkaCluster kafka, final TopicNames names, final int count) {
        final List<LedgerRecord> records = new ArrayList<>();
        try (KafkaConsumer<String, io.pciledger.schemas.ledger.LedgerEvent> ledger =
                consumer(kafka, names, Topics.LEDGER)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                ledger.poll(Duration.ofMillis(200)).forEach(record -> records.add(LedgerEvents.toDomain(record.value())));
                return records.size() >= count;
            });
        }
        return records;
    }

    private static KafkaProducer<String, byte[]> producer(final KafkaCluster kafka) {
        final Map<String, Object> config = kafka.clientProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static <V extends org.apache.avro.specific.SpecificRecord> KafkaConsumer<String, V> consumer(
            final KafkaCluster kafka, final TopicNames names,
            final io.pciledger.schemas.topic.TopicDefinition<V> topic) {
        final Map<String, Object> config = kafka.clientProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "ledger-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        final KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                topic.valueSerde().deserializer());
        consumer.subscribe(List.of(names.of(topic)));
        return consumer;
    }

    private static Device gpu(final String address) {
        return new Device(address, "10de", "20b0", "030200", DevType.TYPE_PCI, null, 0, null, "vfio-pci", "gpu",
                Map.of());
    }
}
