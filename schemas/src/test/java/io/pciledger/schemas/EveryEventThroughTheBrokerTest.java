package io.pciledger.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.schemas.kafka.TopicReader;
import io.pciledger.schemas.kafka.UndecodableRecord;
import io.pciledger.schemas.topic.TopicDefinition;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.TopicProvisioner;
import io.pciledger.schemas.topic.TopicSettings;
import io.pciledger.schemas.topic.Topics;
import io.pciledger.testkit.KafkaCluster;
import io.pciledger.testkit.KafkaTest;
import io.pciledger.testkit.TopicRecords;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every event type travels through a real broker on its own topic and decodes to what was sent. */
@KafkaTest
class EveryEventThroughTheBrokerTest {

    private static final TopicNames NAMES = uniqueNames("events");
    private static final TopicNames POISON_NAMES = uniqueNames("poison");

    private static Map<String, Object> clientProperties;

    @BeforeAll
    static void createTopics(final KafkaCluster kafka) {
        clientProperties = kafka.clientProperties();
        try (Admin admin = Admin.create(clientProperties)) {
            new TopicProvisioner(admin, NAMES, TopicSettings.forReplicationFactor(2, 1)).ensureTopics();
            new TopicProvisioner(admin, POISON_NAMES, TopicSettings.forReplicationFactor(1, 1)).ensureTopics();
        }
    }

    @Test
    void everySampleEventIsProducedConsumedAndDecoded() {
        final List<SampleEvents.Sample> samples = SampleEvents.all();
        for (final SampleEvents.Sample sample : samples) {
            produce(sample);
        }

        final List<SpecificRecord> received = new ArrayList<>();
        for (final TopicDefinition<?> topic : Topics.all()) {
            readAll(topic, expectedCount(samples, topic)).forEach(record -> received.add(record.value()));
        }

        assertThat(received).containsExactlyInAnyOrderElementsOf(samples.stream().map(SampleEvents.Sample::value).toList());
    }

    @Test
    void undecodableBytesAreReportedWithTheirPositionAndTheReaderGoesOn() {
        final String topic = POISON_NAMES.of(Topics.DEAD_LETTERS);
        final String isolatedKey = "poison-" + UUID.randomUUID();
        final SampleEvents.Sample good = SampleEvents.all().stream()
                .filter(sample -> sample.topic() == Topics.DEAD_LETTERS).findFirst().orElseThrow();
        try (KafkaProducer<String, byte[]> producer = rawProducer()) {
            producer.send(new ProducerRecord<>(topic, 0, isolatedKey, "not avro at all".getBytes()));
            producer.send(new ProducerRecord<>(topic, 0, isolatedKey, encode(good)));
        }

        final List<UndecodableRecord> skipped = new ArrayList<>();
        final List<ConsumerRecord<String, SpecificRecord>> read = new ArrayList<>();
        try (KafkaConsumer<String, SpecificRecord> consumer = consumerFor(POISON_NAMES, Topics.DEAD_LETTERS)) {
            final TopicReader<String, SpecificRecord> reader = new TopicReader<>(consumer, skipped::add);
            final long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (read.stream().noneMatch(record -> isolatedKey.equals(record.key())) && System.nanoTime() < deadline) {
                reader.poll(Duration.ofMillis(200)).forEach(read::add);
            }
        }

        assertThat(skipped).hasSize(1);
        assertThat(skipped.get(0).topic()).isEqualTo(topic);
        assertThat(skipped.get(0).reason()).contains("bad header");
        assertThat(skipped.get(0).value()).isEqualTo("not avro at all".getBytes());
        assertThat(read).filteredOn(record -> isolatedKey.equals(record.key()))
                .singleElement().extracting(ConsumerRecord::value).isEqualTo(good.value());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static byte[] encode(final SampleEvents.Sample sample) {
        return ((TopicDefinition) sample.topic()).valueSerde().serializer().serialize("any", sample.value());
    }

    private static void produce(final SampleEvents.Sample sample) {
        try (KafkaProducer<String, byte[]> producer = rawProducer()) {
            producer.send(new ProducerRecord<>(NAMES.of(sample.topic()), sample.key(), encode(sample)));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<ConsumerRecord<String, SpecificRecord>> readAll(final TopicDefinition<?> topic, final int count) {
        return TopicRecords.read(clientProperties, NAMES.of(topic),
                (org.apache.kafka.common.serialization.Deserializer) topic.valueSerde().deserializer(), count,
                Duration.ofSeconds(30));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static KafkaConsumer<String, SpecificRecord> consumerFor(final TopicNames names, final TopicDefinition<?> topic) {
        final Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        final KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                (org.apache.kafka.common.serialization.Deserializer) topic.valueSerde().deserializer());
        consumer.subscribe(List.of(names.of(topic)));
        return consumer;
    }

    private static KafkaProducer<String, byte[]> rawProducer() {
        final Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    private static TopicNames uniqueNames(final String purpose) {
        return TopicNames.withPrefix(purpose + "-" + UUID.randomUUID().toString().substring(0, 8) + ".");
    }

    private static int expectedCount(final List<SampleEvents.Sample> samples, final TopicDefinition<?> topic) {
        return (int) samples.stream().filter(sample -> sample.topic() == topic).count();
    }
}
