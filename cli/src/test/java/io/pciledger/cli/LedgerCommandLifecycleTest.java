package io.pciledger.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.ledger.avro.InventoryFacts;
import io.pciledger.ledger.avro.LedgerEvents;
import io.pciledger.ledger.config.LedgerConfig;
import io.pciledger.ledger.domain.DevType;
import io.pciledger.ledger.domain.Device;
import io.pciledger.ledger.domain.InventoryFact;
import io.pciledger.ledger.domain.LedgerEvent;
import io.pciledger.ledger.domain.LedgerRecord;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.Topics;
import io.pciledger.testkit.KafkaCluster;
import io.pciledger.testkit.KafkaTest;
import io.pciledger.testkit.TopicRecords;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.errors.LogAndFailExceptionHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pci-ledger ledger} as an operator runs it: in its own JVM, against a real broker, configured by a file.
 * It provisions the topics, turns an inventory fact into a ledger event, and on SIGTERM (or SIGINT) closes leaving
 * its consumer group and exits 0 with no process left; a dying stream thread exits 1 with the error logged; a bad
 * configuration exits 2 naming the file or key.
 */
@KafkaTest
class LedgerCommandLifecycleTest {

    private static final String HOST = "compute-7";

    @TempDir
    Path tmp;

    @Test
    void processesFactsUntilSignalledThenLeavesItsGroupAndExitsZero(final KafkaCluster kafka) throws Exception {
        final String run = "cli-ledger-" + UUID.randomUUID().toString().substring(0, 8);
        final TopicNames names = TopicNames.withPrefix(run + ".");
        final Path configFile = configFile(kafka, run, Map.of());
        final CommandRun ledger = startLedger(configFile);

        send(kafka, names.of(Topics.INVENTORY), Topics.INVENTORY.valueSerde().serializer().serialize(null,
                InventoryFacts.toAvro("fact-1", HOST, Instant.now(), new InventoryFact.HostSnapshot(List.of(gpu())))));
        final List<LedgerRecord> history = TopicRecords.read(kafka.clientProperties(), names.of(Topics.LEDGER),
                Topics.LEDGER.valueSerde().deserializer(), 1, Duration.ofSeconds(60)).stream()
                .map(record -> LedgerEvents.toDomain(record.value())).toList();
        assertThat(history).as("ledger events of %s", HOST).singleElement().satisfies(record -> {
            assertThat(record.host()).isEqualTo(HOST);
            assertThat(record.event()).isInstanceOf(LedgerEvent.DeviceAdded.class);
        });

        assertThat(ledger.stopWith("TERM")).as("exit code after SIGTERM; output:%n%s", ledger.output()).isZero();
        assertThat(ledger.output()).contains("created  " + names.of(Topics.LEDGER)).contains("ledger stopped");
        assertThat(ledger.processesLeft()).as("processes left behind").isEmpty();
        assertThat(membersOf(kafka, run)).as("members left in the ledger's consumer group").isEmpty();

        final CommandRun restarted = startLedger(configFile);
        assertThat(restarted.output()).contains("exists   " + names.of(Topics.LEDGER)).doesNotContain("created");
        assertThat(restarted.stopWith("INT")).as("exit code after SIGINT; output:%n%s", restarted.output()).isZero();
        assertThat(membersOf(kafka, run)).as("members left after the second run").isEmpty();
        assertThat(restarted.processesLeft()).as("processes left behind").isEmpty();
    }

    @Test
    void aDyingStreamThreadStopsTheLedgerAndExitsOneWithTheErrorLogged(final KafkaCluster kafka) throws Exception {
        final String run = "cli-ledger-" + UUID.randomUUID().toString().substring(0, 8);
        final CommandRun ledger = startLedger(configFile(kafka, run,
                Map.of("streams.deserialization.exception.handler", LogAndFailExceptionHandler.class.getName())));

        send(kafka, TopicNames.withPrefix(run + ".").of(Topics.INVENTORY), new byte[] {1, 2, 3});

        assertThat(ledger.awaitExit("an undecodable fact")).as("exit code; output:%n%s", ledger.output()).isEqualTo(1);
        assertThat(ledger.output()).contains("a ledger stream thread died").contains("error: the ledger failed");
    }

    @Test
    void aMissingConfigFileExitsTwoNamingTheFile() {
        final Path missing = tmp.resolve("nowhere.properties");

        final Execution execution = execute("ledger", "--config", missing.toString());

        assertThat(execution.exitCode()).isEqualTo(2);
        assertThat(execution.err()).contains("cannot read --config " + missing);
    }

    @Test
    void aBadValueExitsTwoNamingTheKey() throws IOException {
        final Path file = Files.writeString(tmp.resolve("ledger.properties"),
                "bootstrap.servers=127.0.0.1:9\nledger.rocksdb.write.buffer.ratio=1.5\n");

        final Execution execution = execute("ledger", "--config", file.toString());

        assertThat(execution.exitCode()).isEqualTo(2);
        assertThat(execution.err()).contains(LedgerConfig.ROCKSDB_WRITE_BUFFER_RATIO).contains(file.toString());
    }

    @Test
    void aBadFlagOverridesAGoodFileAndExitsTwoNamingTheKey() throws IOException {
        final Path file = Files.writeString(tmp.resolve("ledger.properties"), "bootstrap.servers=127.0.0.1:9\n");

        final Execution execution = execute("ledger", "--config", file.toString(),
                "-X", LedgerConfig.COMMIT_INTERVAL_MS + "=soon");

        assertThat(execution.exitCode()).isEqualTo(2);
        assertThat(execution.err()).contains(LedgerConfig.COMMIT_INTERVAL_MS);
    }

    @Test
    void aMisspeltKeyExitsTwoNamingIt() throws IOException {
        final Path file = Files.writeString(tmp.resolve("ledger.properties"),
                "bootstrap.servers=127.0.0.1:9\nledger.comit.interval.ms=50\n");

        final Execution execution = execute("ledger", "--config", file.toString());

        assertThat(execution.exitCode()).isEqualTo(2);
        assertThat(execution.err()).contains("ledger.comit.interval.ms");
    }

    @Test
    void theDocumentedExampleConfigurationIsValid() {
        final LayeredConfigOptions sources = new LayeredConfigOptions();
        sources.configFile = Path.of("..", "docs", "ledger.properties.example");

        final LedgerConfig config = LedgerConfigSources.load(sources, Map.of(), PciLedgerCommand.commandLine());

        assertThat(config.unknownKeys()).isEmpty();
        assertThat(config.topicSettings().replicationFactor()).isEqualTo((short) 3);
    }

    private static CommandRun startLedger(final Path configFile) throws Exception {
        return CommandRun.start("PCI Ledger ledger is running", configFile, "ledger", "--config", configFile.toString());
    }

    private Path configFile(final KafkaCluster kafka, final String run, final Map<String, String> extra)
            throws IOException {
        final Map<String, String> values = new LinkedHashMap<>();
        values.put(LedgerConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        values.put(LedgerConfig.APPLICATION_ID, run);
        values.put(LedgerConfig.STATE_DIR, tmp.resolve("state").toString());
        values.put(LedgerConfig.TOPIC_PREFIX, run + ".");
        values.put("topics.partitions", "2");
        values.put(LedgerConfig.ROCKSDB_MEMORY_BYTES, Long.toString(16L * 1024 * 1024));
        values.putAll(extra);
        final StringBuilder text = new StringBuilder();
        values.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        return Files.writeString(tmp.resolve(run + ".properties"), text);
    }

    private static Collection<MemberDescription> membersOf(
            final KafkaCluster kafka, final String groupId) throws Exception {
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            return admin.describeConsumerGroups(List.of(groupId)).all().get().get(groupId).members();
        }
    }

    private static void send(final KafkaCluster kafka, final String topic, final byte[] value) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.clientProperties(),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, HOST, value)).get();
        }
    }

    private static Device gpu() {
        return new Device("0000:af:00.0", "10de", "20b0", "030200", DevType.TYPE_PCI, null, 0, null, "vfio-pci",
                "gpu", Map.of());
    }

    private static Execution execute(final String... args) {
        final StringWriter err = new StringWriter();
        final int exitCode = PciLedgerCommand.commandLine().setErr(new PrintWriter(err)).execute(args);
        return new Execution(exitCode, err.toString());
    }

    private record Execution(int exitCode, String err) {
    }
}
