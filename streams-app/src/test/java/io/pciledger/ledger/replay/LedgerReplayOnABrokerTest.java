package io.pciledger.ledger.replay;

import static io.pciledger.ledger.replay.FleetHistory.T0;
import static io.pciledger.ledger.replay.FleetHistory.gpu;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pciledger.ledger.avro.LedgerEvents;
import io.pciledger.ledger.domain.LedgerRecord;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.TopicProvisioner;
import io.pciledger.schemas.topic.TopicSettings;
import io.pciledger.schemas.topic.Topics;
import io.pciledger.testkit.KafkaCluster;
import io.pciledger.testkit.KafkaTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The replay's reader on a real broker: committed records only, bad records reported, progress to the end. */
@KafkaTest
class LedgerReplayOnABrokerTest {

    @Test
    void replaysTheCommittedLedgerAndReportsWhatItCannotRead(final KafkaCluster kafka) throws Exception {
        final String topic = provisionedLedgerTopic(kafka);
        final FleetHistory history = new FleetHistory()
                .discover("compute-a", T0, gpu("0000:af:00.0"), gpu("0000:b0:00.0"))
                .discover("compute-b", T0, gpu("0000:af:00.0"))
                .claim("compute-a", T0.plusSeconds(1), "c-1", 1);
        try (KafkaProducer<String, byte[]> producer = transactionalProducer(kafka)) {
            producer.initTransactions();
            producer.beginTransaction();
            history.records().forEach(record -> producer.send(encoded(topic, record)));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(encoded(topic, new FleetHistory().discover("compute-b", T0, gpu("0000:af:00.0"),
                    gpu("0000:b0:00.0")).records().get(1)));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "compute-c", new byte[] {1, 2, 3}));
            producer.commitTransaction();
        }
        final List<ReplayProgress> progress = new ArrayList<>();

        final FleetState state = new LedgerReplay(kafka.clientProperties(), topic)
                .fleet(ReplayCut.until(Instant.now()), progress::add);

        assertThat(state.ledgers()).containsOnlyKeys("compute-a", "compute-b");
        assertThat(state.ledger("compute-a")).contains(history.ledger("compute-a"));
        assertThat(state.ledger("compute-b")).contains(history.ledger("compute-b"));
        assertThat(state.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.host()).isEqualTo("compute-c");
            assertThat(problem.where()).startsWith(topic + "-");
            assertThat(problem.reason()).contains("too short");
        });
        assertThat(progress).last().satisfies(last -> {
            assertThat(last.recordsRead()).isEqualTo(history.records().size() + 1);
            assertThat(last.fractionRead()).isEqualTo(1.0);
        });
    }

    @Test
    void aDevicesHistoryDecodesOnlyItsHost(final KafkaCluster kafka) throws Exception {
        final String topic = provisionedLedgerTopic(kafka);
        final FleetHistory history = new FleetHistory()
                .discover("compute-a", T0, gpu("0000:af:00.0"))
                .claim("compute-a", T0.plusSeconds(1), "c-1", 1);
        try (KafkaProducer<String, byte[]> producer = transactionalProducer(kafka)) {
            producer.initTransactions();
            producer.beginTransaction();
            history.records().forEach(record -> producer.send(encoded(topic, record)));
            producer.send(new ProducerRecord<>(topic, "compute-b", new byte[] {1, 2, 3}));
            producer.commitTransaction();
        }

        final DeviceHistory device = new LedgerReplay(kafka.clientProperties(), topic)
                .device("compute-a", "0000:af:00.0", ReplayCut.until(Instant.now()), progress -> { });

        assertThat(device.events()).extracting(LedgerRecord::seq).containsExactly(1L, 2L);
    }

    @Test
    void aLedgerTopicThatDoesNotExistIsNamed(final KafkaCluster kafka) {
        final LedgerReplay replay = new LedgerReplay(kafka.clientProperties(), "no-such-prefix.pci.ledger");

        assertThatThrownBy(() -> replay.fleet(ReplayCut.until(Instant.now()), progress -> { }))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no-such-prefix.pci.ledger does not exist");
    }

    private static String provisionedLedgerTopic(final KafkaCluster kafka) throws Exception {
        final TopicNames names = TopicNames.withPrefix("replay-" + UUID.randomUUID().toString().substring(0, 8) + ".");
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            new TopicProvisioner(admin, names, TopicSettings.forReplicationFactor(3, 1)).ensureTopics();
        }
        return names.of(Topics.LEDGER);
    }

    private static KafkaProducer<String, byte[]> transactionalProducer(final KafkaCluster kafka) {
        final Map<String, Object> config = new HashMap<>(kafka.clientProperties());
        config.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "replay-test-" + UUID.randomUUID());
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static ProducerRecord<String, byte[]> encoded(final String topic, final LedgerRecord record) {
        return new ProducerRecord<>(topic, record.host(),
                Topics.LEDGER.valueSerde().serializer().serialize(topic, LedgerEvents.toAvro(record)));
    }
}
