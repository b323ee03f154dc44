package io.pciledger.ledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.pciledger.ledger.avro.ClaimResults;
import io.pciledger.ledger.avro.Commands;
import io.pciledger.ledger.avro.InventoryFacts;
import io.pciledger.ledger.config.LedgerConfig;
import io.pciledger.ledger.domain.ClaimRequest;
import io.pciledger.ledger.domain.ClaimResult;
import io.pciledger.ledger.domain.ClaimStatus;
import io.pciledger.ledger.domain.Command;
import io.pciledger.ledger.domain.CommandOutcome;
import io.pciledger.ledger.domain.CommandOutcome.Granted;
import io.pciledger.ledger.domain.ConfirmRequest;
import io.pciledger.ledger.domain.DevType;
import io.pciledger.ledger.domain.Device;
import io.pciledger.ledger.domain.InventoryFact;
import io.pciledger.ledger.domain.LedgerEvent;
import io.pciledger.ledger.domain.LedgerRecord;
import io.pciledger.ledger.domain.RequestItem;
import io.pciledger.ledger.domain.Requester;
import io.pciledger.ledger.topology.LedgerStreams;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.TopicProvisioner;
import io.pciledger.schemas.topic.TopicSettings;
import io.pciledger.schemas.topic.Topics;
import io.pciledger.testkit.KafkaCluster;
import io.pciledger.testkit.KafkaTest;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The read API over a ledger running exactly-once on a real broker: a host, its events, a device's history and a
 * claim found by id, routed to the instance that announced itself; and {@code claim-results} shows committed
 * answers only, never one of an aborted transaction.
 */
@KafkaTest
class LedgerReadsOnABrokerTest {

    private static final String HOST = "compute-3";
    private static final Device GPU_A = gpu("0000:af:00.0");
    private static final Device GPU_B = gpu("0000:b0:00.0");
    private static final InstanceEndpoint SELF = new InstanceEndpoint("127.0.0.1", 7070);

    @TempDir
    Path stateDir;

    @Test
    void aHostItsEventsADeviceHistoryAndAClaimAreReadWhereRoutingSays(final KafkaCluster kafka) throws Exception {
        final String run = UUID.randomUUID().toString().substring(0, 8);
        final TopicNames names = provision(kafka, run);
        final KafkaStreams ledger = LedgerStreams.create(config(kafka, names, run));
        final LocalLedgerReads reads = LocalLedgerReads.of(ledger);
        final LedgerRouting routing = new LedgerRouting(ledger);
        assertThatThrownBy(() -> reads.host(HOST)).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> routing.hostOwners(HOST)).isInstanceOf(StoreUnavailableException.class);
        try (KafkaProducer<String, byte[]> producer = producer(kafka, null)) {
            start(ledger);

            send(producer, names.of(Topics.INVENTORY), HOST, Topics.INVENTORY.valueSerde().serializer().serialize(
                    null, InventoryFacts.toAvro("fact-1", HOST, Instant.now(), new InventoryFact.HostSnapshot(
                            List.of(GPU_A, GPU_B)))));
            sendCommand(producer, names, new ClaimRequest("c-1", "acme", "vm-1",
                    List.of(RequestItem.devices("gpu", 1)), false, null));
            final ClaimResult granted = eventually(() -> reads.claimResult("c-1"));
            sendCommand(producer, names, new ConfirmRequest("c-1"));
            eventually(() -> reads.claimResult("c-1").filter(result -> result.outcome()
                    instanceof CommandOutcome.Confirmed));

            assertThat(routing.claimOwners("c-1").active()).isEqualTo(SELF);
            assertThat(granted.host()).isEqualTo(HOST);
            assertThat(granted.outcome()).isInstanceOfSatisfying(Granted.class, grant -> assertThat(grant.devices())
                    .extracting(device -> device.address()).containsExactly(GPU_A.address()));
            assertThat(routing.hostOwners(granted.host()).active()).isEqualTo(SELF);
            final HostView host = reads.host(granted.host()).orElseThrow();
            assertThat(host.lastSeq()).isEqualTo(4);
            assertThat(reads.position(HOST)).hasValue(4);
            assertThat(host.claims()).singleElement().satisfies(claim ->
                    assertThat(claim.status()).isEqualTo(ClaimStatus.CONFIRMED));
            assertThat(reads.hostEvents(HOST, 2, 2)).extracting(LedgerRecord::seq).containsExactly(2L, 3L);
            assertThat(reads.deviceHistory(HOST, GPU_A.address())).extracting(LedgerRecord::event)
                    .hasExactlyElementsOfTypes(LedgerEvent.DeviceAdded.class, LedgerEvent.DevicesClaimed.class,
                            LedgerEvent.ClaimConfirmed.class);
            assertThat(LocalLedgerReads.includingStandbys(ledger).host(HOST)).contains(host);
            assertThat(eventually(() -> reads.groupCount("gpu").filter(count -> count.claimed() == 1)).total())
                    .isEqualTo(2);
        } finally {
            stop(ledger);
        }
    }

    @Test
    void anAnswerOfAnAbortedTransactionNeverReachesClaimResults(final KafkaCluster kafka) throws Exception {
        final String run = UUID.randomUUID().toString().substring(0, 8);
        final TopicNames names = provision(kafka, run);
        final KafkaStreams ledger = LedgerStreams.create(config(kafka, names, run));
        final LocalLedgerReads reads = LocalLedgerReads.of(ledger);
        try (KafkaProducer<String, byte[]> transactional = producer(kafka, "claim-results-writer-" + run)) {
            start(ledger);
            transactional.initTransactions();

            transactional.beginTransaction();
            sendResult(transactional, names, "c-aborted");
            transactional.flush();
            transactional.abortTransaction();
            transactional.beginTransaction();
            sendResult(transactional, names, "c-committed");
            transactional.commitTransaction();

            eventually(() -> reads.claimResult("c-committed"));
            assertThat(reads.claimResult("c-aborted")).isEmpty();
        } finally {
            stop(ledger);
        }
    }

    /**
     * Writes an answer for {@code claimId} to {@code pci.claim-results}, in the partition the ledger would: the
     * default partitioner over the claim id.
     */
    private static void sendResult(final KafkaProducer<String, byte[]> producer, final TopicNames names,
            final String claimId) {
        producer.send(new ProducerRecord<>(names.of(Topics.CLAIM_RESULTS), claimId,
                Topics.CLAIM_RESULTS.valueSerde().serializer().serialize(null, ClaimResults.toAvro(claimId,
                        "command-" + claimId, HOST, Instant.now(), new Granted(List.of(), true, 1, null)))));
    }

    private static TopicNames provision(final KafkaCluster kafka, final String run) throws Exception {
        final TopicNames names = TopicNames.withPrefix("reads-" + run + ".");
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            new TopicProvisioner(admin, names, TopicSettings.forReplicationFactor(2, 1)).ensureTopics();
        }
        return names;
    }

    private LedgerConfig config(final KafkaCluster kafka, final TopicNames names, final String run) {
        final Map<String, Object> settings = new HashMap<>();
        settings.put(LedgerConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        settings.put(LedgerConfig.APPLICATION_ID, "reads-" + run);
        settings.put(LedgerConfig.STATE_DIR, stateDir.resolve(run).toString());
        settings.put(LedgerConfig.TOPIC_PREFIX, names.prefix());
        settings.put(LedgerConfig.STREAMS_PREFIX + "application.server", SELF.toString());
        return new LedgerConfig(settings);
    }

    /** The value {@code read} eventually finds, reading through rebalances. */
    private static <T> T eventually(final Supplier<java.util.Optional<T>> read) {
        return await().atMost(Duration.ofSeconds(90)).ignoreException(StoreUnavailableException.class)
                .until(read::get, java.util.Optional::isPresent).orElseThrow();
    }

    private static void start(final KafkaStreams streams) {
        streams.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);
    }

    private static void stop(final KafkaStreams streams) {
        assertThat(streams.close(CloseOptions.groupMembershipOperation(
                CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(Duration.ofSeconds(60))))
                .as("the ledger closed within 60 s").isTrue();
    }

    private static void sendCommand(final KafkaProducer<String, byte[]> producer, final TopicNames names,
            final Command command) throws Exception {
        send(producer, names.of(Topics.COMMANDS), HOST, Topics.COMMANDS.valueSerde().serializer().serialize(null,
                Commands.toAvro("cmd-" + UUID.randomUUID(), HOST, Instant.now(), Requester.tenant("acme"), command)));
    }

    private static void send(final KafkaProducer<String, byte[]> producer, final String topic, final String key,
            final byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, value)).get();
    }

    private static KafkaProducer<String, byte[]> producer(final KafkaCluster kafka, final String transactionalId) {
        final Map<String, Object> config = kafka.clientProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        if (transactionalId != null) {
            config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
        }
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static Device gpu(final String address) {
        return new Device(address, "10de", "20b0", "030200", DevType.TYPE_PCI, null, 0, null, "vfio-pci", "gpu",
                Map.of());
    }
}
