package io.pciledger.ledger.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pciledger.ledger.avro.ClaimResults;
import io.pciledger.ledger.avro.Commands;
import io.pciledger.ledger.avro.InventoryFacts;
import io.pciledger.ledger.config.LedgerConfig;
import io.pciledger.ledger.domain.ClaimRequest;
import io.pciledger.ledger.domain.ClaimedDevice;
import io.pciledger.ledger.domain.Command;
import io.pciledger.ledger.domain.CommandOutcome;
import io.pciledger.ledger.domain.CommandOutcome.Granted;
import io.pciledger.ledger.domain.CommandOutcome.Rejected;
import io.pciledger.ledger.domain.CommandOutcome.Released;
import io.pciledger.ledger.domain.DevType;
import io.pciledger.ledger.domain.Device;
import io.pciledger.ledger.domain.InventoryFact;
import io.pciledger.ledger.domain.RejectReason;
import io.pciledger.ledger.domain.ReleaseRequest;
import io.pciledger.ledger.domain.RequestItem;
import io.pciledger.ledger.domain.Requester;
import io.pciledger.ledger.topology.LedgerStreams;
import io.pciledger.schemas.result.ClaimResult;
import io.pciledger.schemas.topic.TopicDefinition;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.TopicProvisioner;
import io.pciledger.schemas.topic.TopicSettings;
import io.pciledger.schemas.topic.Topics;
import io.pciledger.testkit.KafkaCluster;
import io.pciledger.testkit.KafkaTest;
import io.pciledger.testkit.TopicRecords;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

/**
 * The topic contract holds outside Java: records the ledger wrote on a real broker, read as raw bytes
 * (read_committed), decode with a non-Java Avro implementation ({@code interop/decode-records.js}, npm's
 * {@code avsc}) given only the schema files, to exactly what Java's serdes decode; and so do the bytes that
 * {@code kcat} reads, as docs/topics.md shows. Skipped, saying why, where Node.js (or for the second, kcat) is not
 * installed.
 */
@KafkaTest
@EnabledIf(value = "nodeAndNpmAreInstalled", disabledReason = "Node.js and npm are not installed: the check that a"
        + " non-Java Avro reader (interop/decode-records.js) decodes what the ledger writes needs them")
class LedgerReadOutsideJavaTest {

    private static final String HOST = "compute-12";
    private static final String LEDGER_EVENT = "io.pciledger.schemas.ledger.LedgerEvent";
    private static final String CLAIM_RESULT = "io.pciledger.schemas.result.ClaimResult";
    private static final String DEAD_LETTER = "io.pciledger.schemas.deadletter.DeadLetter";
    /** The output format that {@code decode-records.js --kcat} reads (docs/topics.md). */
    private static final String KCAT_FORMAT = "%p %o %K %k%S %s";

    @TempDir
    static Path work;

    private static NodeRecordDecoder node;
    private static TopicNames names;
    private static List<String> grantedAddresses;

    static boolean nodeAndNpmAreInstalled() throws InterruptedException {
        return NodeRecordDecoder.canRun();
    }

    @BeforeAll
    static void runTheLedgerThroughAClaimsLife(final KafkaCluster kafka) throws Exception {
        node = NodeRecordDecoder.installed();
        names = TopicNames.withPrefix("interop-" + UUID.randomUUID().toString().substring(0, 8) + ".");
        grantedAddresses = runLedger(kafka).stream().map(ClaimedDevice::address).toList();
    }

    @Test
    void nodeAvscDecodesLedgerEventsClaimResultsAndDeadLettersAsJavaDoes(final KafkaCluster kafka) throws Exception {
        final List<ConsumerRecord<String, byte[]>> ledger = readRaw(kafka, Topics.LEDGER, 7);
        final List<ConsumerRecord<String, byte[]>> results = readRaw(kafka, Topics.CLAIM_RESULTS, 3);
        final List<ConsumerRecord<String, byte[]>> deadLetters = readRaw(kafka, Topics.DEAD_LETTERS, 1);
        final List<JsonNode> ledgerByNode = decodeWithNode(ledger);
        final List<JsonNode> resultsByNode = decodeWithNode(results);
        final List<JsonNode> deadLettersByNode = decodeWithNode(deadLetters);

        assertDecodedAsJavaDoes(ledger, ledgerByNode, Topics.LEDGER, LEDGER_EVENT);
        assertDecodedAsJavaDoes(results, resultsByNode, Topics.CLAIM_RESULTS, CLAIM_RESULT);
        assertDecodedAsJavaDoes(deadLetters, deadLettersByNode, Topics.DEAD_LETTERS, DEAD_LETTER);

        assertThat(ledgerByNode).extracting(record -> record.at("/value/host").asText()).containsOnly(HOST);
        assertThat(ledgerByNode).extracting(record -> record.at("/value/seq").asLong())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(ledgerByNode).extracting(record -> payloadType(record.at("/value/payload"))).containsExactly(
                "DeviceAdded", "DeviceAdded", "DeviceAdded", "DeviceAdded",
                "DevicesClaimed", "ClaimRejected", "DevicesReleased");
        assertThat(ledgerByNode.subList(4, 7)).extracting(record -> payload(record, "/value/payload").get("claim_id")
                .asText()).containsExactly("c-1", "c-2", "c-1");
        assertThat(texts(payload(ledgerByNode.get(4), "/value/payload").get("devices"), "address"))
                .containsExactlyElementsOf(grantedAddresses);
        assertThat(texts(payload(ledgerByNode.get(6), "/value/payload").get("addresses"), null))
                .containsExactlyElementsOf(grantedAddresses);

        assertThat(resultsByNode).extracting(record -> record.get("key").asText() + " "
                + payloadType(record.at("/value/outcome")))
                .containsExactlyInAnyOrder("c-1 Granted", "c-2 Rejected", "c-1 Released");
        assertThat(resultsByNode).filteredOn(record -> payloadType(record.at("/value/outcome")).equals("Rejected"))
                .extracting(record -> payload(record, "/value/outcome").get("reason").asText())
                .containsExactly("INSUFFICIENT_DEVICES");
        assertThat(deadLettersByNode.get(0).at("/value/value/bytes").asText()).isEqualTo("\u0001\u0002\u0003");
    }

    @Test
    void whatKcatReadsOfPciLedgerDecodesAsWhatTheJavaConsumerRead(final KafkaCluster kafka) throws Exception {
        assumeTrue(ChildProcess.isInstalled("kcat", "-V"),
                "kcat is not installed: the kcat example of docs/topics.md is not checked");
        final List<ConsumerRecord<String, byte[]>> ledger = readRaw(kafka, Topics.LEDGER, 7);
        final Path kcatOutput = Files.createTempFile(work, "kcat", ".bin");
        Files.write(kcatOutput, ChildProcess.run(work, Duration.ofSeconds(60), List.of("kcat", "-C",
                "-b", kafka.bootstrapServers(), "-t", names.of(Topics.LEDGER), "-X", "isolation.level=read_committed",
                "-e", "-q", "-f", KCAT_FORMAT)));

        final List<JsonNode> viaKcat = node.decode(kcatOutput, "--kcat").lines().map(AvroJson::parse).toList();

        final List<JsonNode> viaJavaConsumer = decodeWithNode(ledger);
        assertThat(viaKcat).hasSameSizeAs(ledger);
        for (int i = 0; i < ledger.size(); i++) {
            final ObjectNode decoded = (ObjectNode) viaKcat.get(i).deepCopy();
            assertThat(decoded.remove("partition").asInt()).isEqualTo(ledger.get(i).partition());
            assertThat(decoded.remove("offset").asLong()).isEqualTo(ledger.get(i).offset());
            assertThat(decoded).isEqualTo(viaJavaConsumer.get(i));
        }
    }

    /**
     * Runs the ledger over: an undecodable fact (dead-lettered), a snapshot of four devices, claim {@code c-1} of one
     * GPU (granted), claim {@code c-2} of two (refused: one is left), the release of {@code c-1}.
     *
     * @return the devices granted to {@code c-1}
     */
    private static List<ClaimedDevice> runLedger(final KafkaCluster kafka) throws Exception {
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            new TopicProvisioner(admin, names, TopicSettings.forReplicationFactor(2, 1)).ensureTopics();
        }
        final Map<String, Object> settings = new HashMap<>();
        settings.put(LedgerConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        settings.put(LedgerConfig.APPLICATION_ID, "interop-" + names.prefix());
        settings.put(LedgerConfig.STATE_DIR, work.resolve("state").toString());
        settings.put(LedgerConfig.TOPIC_PREFIX, names.prefix());
        final KafkaStreams streams = LedgerStreams.create(new LedgerConfig(settings));
        try (KafkaProducer<String, byte[]> producer = producer(kafka);
                KafkaConsumer<String, ClaimResult> results = resultConsumer(kafka)) {
            streams.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> streams.state() == KafkaStreams.State.RUNNING);

            send(producer, names.of(Topics.INVENTORY), new byte[] {1, 2, 3});
            send(producer, names.of(Topics.INVENTORY), Topics.INVENTORY.valueSerde().serializer().serialize(null,
                    InventoryFacts.toAvro("fact-1", HOST, Instant.now(), new InventoryFact.HostSnapshot(List.of(
                            gpu("0000:af:00.0"), gpu("0000:b0:00.0"), nicPf("0000:3b:00.0"),
                            nicVf("0000:3b:02.0", "0000:3b:00.0"))))));
            final CommandOutcome grant = decide(producer, results,
                    new ClaimRequest("c-1", "acme", "vm-1", List.of(RequestItem.devices("gpu", 1)), false, null));
            assertThat(grant).isInstanceOf(Granted.class);
            assertThat(decide(producer, results,
                    new ClaimRequest("c-2", "acme", "vm-2", List.of(RequestItem.devices("gpu", 2)), false, null)))
                    .isInstanceOfSatisfying(Rejected.class,
                            rejected -> assertThat(rejected.reason()).isEqualTo(RejectReason.INSUFFICIENT_DEVICES));
            assertThat(decide(producer, results, new ReleaseRequest("c-1", "instance deleted")))
                    .isInstanceOf(Released.class);
            return ((Granted) grant).devices();
        } finally {
            assertThat(streams.close(CloseOptions.groupMembershipOperation(
                    CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(Duration.ofSeconds(60))))
                    .as("the ledger closed within 60 s").isTrue();
        }
    }

    private static CommandOutcome decide(final KafkaProducer<String, byte[]> producer,
            final KafkaConsumer<String, ClaimResult> results, final Command command) throws Exception {
        send(producer, names.of(Topics.COMMANDS), Topics.COMMANDS.valueSerde().serializer().serialize(null,
                Commands.toAvro("cmd-" + UUID.randomUUID(), HOST, Instant.now(), Requester.tenant("acme"), command)));
        final List<ClaimResult> answers = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).alias("the result of " + command).until(() -> {
            results.poll(Duration.ofMillis(200)).forEach(record -> answers.add(record.value()));
            return answers.stream().anyMatch(result -> result.getClaimId().equals(command.claimId()));
        });
        return ClaimResults.toDomain(answers.stream()
                .filter(result -> result.getClaimId().equals(command.claimId())).findFirst().orElseThrow());
    }

    private static void assertDecodedAsJavaDoes(final List<ConsumerRecord<String, byte[]>> records,
            final List<JsonNode> decodedByNode, final TopicDefinition<?> topic, final String recordName) {
        assertThat(decodedByNode).hasSameSizeAs(records);
        for (int i = 0; i < records.size(); i++) {
            final byte[] bytes = records.get(i).value();
            final SpecificRecord decodedByJava = topic.valueSerde().codec().decode(bytes);
            final JsonNode byNode = decodedByNode.get(i);
            assertThat(byNode.get("key").asText()).isEqualTo(records.get(i).key());
            assertThat(byNode.get("schema").asText()).isEqualTo(recordName);
            assertThat(byNode.get("fingerprint").asText()).isEqualTo(headerFingerprint(bytes));
            assertThat(byNode.get("value")).as("%s at offset %d", topic.name(), records.get(i).offset())
                    .isEqualTo(AvroJson.of(decodedByJava));
        }
    }

    private static List<JsonNode> decodeWithNode(final List<ConsumerRecord<String, byte[]>> records)
            throws Exception {
        final StringBuilder lines = new StringBuilder();
        records.forEach(record -> lines.append(record.key()).append('\t')
                .append(HexFormat.of().formatHex(record.value())).append('\n'));
        final Path file = Files.createTempFile(work, "records", ".txt");
        Files.writeString(file, lines);
        return node.decode(file).lines().map(AvroJson::parse).toList();
    }

    /** The first {@code count} committed records of {@code topic}, as bytes. */
    private static List<ConsumerRecord<String, byte[]>> readRaw(final KafkaCluster kafka,
            final TopicDefinition<?> topic, final int count) {
        final List<ConsumerRecord<String, byte[]>> records = TopicRecords.read(kafka.clientProperties(),
                names.of(topic), new ByteArrayDeserializer(), count, Duration.ofSeconds(30));
        assertThat(records).as("committed records of %s", topic.name()).hasSize(count);
        return records;
    }

    /** The writer schema's fingerprint in a single-object header, as 16 hex digits of the little-endian long. */
    private static String headerFingerprint(final byte[] bytes) {
        return String.format(Locale.ROOT, "%016x", ByteBuffer.wrap(bytes, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong());
    }

    /** The simple name of the branch a union value is in, in Avro's JSON encoding: {@code {"full.Name": {...}}}. */
    private static String payloadType(final JsonNode union) {
        final String fullName = union.fieldNames().next();
        return fullName.substring(fullName.lastIndexOf('.') + 1);
    }

    private static JsonNode payload(final JsonNode record, final String pointer) {
        return record.at(pointer).elements().next();
    }

    private static List<String> texts(final JsonNode array, final String field) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(element -> (field == null ? element : element.get(field)).asText()).toList();
    }

    private static void send(final KafkaProducer<String, byte[]> producer, final String topic, final byte[] value)
            throws Exception {
        producer.send(new ProducerRecord<>(topic, HOST, value)).get();
    }

    private static KafkaProducer<String, byte[]> producer(final KafkaCluster kafka) {
        final Map<String, Object> config = kafka.clientProperties();
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static KafkaConsumer<String, ClaimResult> resultConsumer(final KafkaCluster kafka) {
        final Map<String, Object> config = kafka.clientProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "interop-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        final KafkaConsumer<String, ClaimResult> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                Topics.CLAIM_RESULTS.valueSerde().deserializer());
        consumer.subscribe(List.of(names.of(Topics.CLAIM_RESULTS)));
        return consumer;
    }

    private static Device gpu(final String address) {
        return new Device(address, "10de", "20b0", "030200", DevType.TYPE_PCI, null, 0, null, "vfio-pci", "gpu",
                Map.of());
    }

    private static Device nicPf(final String address) {
        return new Device(address, "8086", "159b", "020000", DevType.TYPE_PF, null, 0, "ens1f0", "ice", "physnet1",
                Map.of("physical_network", "physnet1"));
    }

    private static Device nicVf(final String address, final String pf) {
        return new Device(address, "8086", "1889", "020000", DevType.TYPE_VF, pf, null, null, "iavf", "physnet1",
                Map.of("physical_network", "physnet1"));
    }
}
