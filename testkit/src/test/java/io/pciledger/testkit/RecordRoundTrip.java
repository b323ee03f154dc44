package io.pciledger.testkit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/** Sends one record through a fresh topic of a cluster and reads it back, with the cluster's own client properties. */
final class RecordRoundTrip {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private RecordRoundTrip() {
    }

    /**
     * Creates a topic of the given replication factor, writes {@code value} with acks=all and reads it back.
     *
     * @return the value the consumer read
     */
    static String roundTrip(final KafkaCluster kafka, final int replicationFactor, final String value) throws Exception {
        final String topic = "round-trip-" + UUID.randomUUID();
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) replicationFactor)))
                    .all().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
        final Map<String, Object> producerProperties = kafka.clientProperties();
        producerProperties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                     new KafkaProducer<>(producerProperties, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "host-a", value)).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        }
        final Map<String, Object> consumerProperties = kafka.clientProperties();
        consumerProperties.put(ConsumerConfig.GROUP_ID_CONFIG, "round-trip-" + UUID.randomUUID());
        consumerProperties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            return Awaitility.await().atMost(PATIENCE)
                    .until(() -> firstValue(consumer), read -> read != null);
        }
    }

    private static String firstValue(final KafkaConsumer<String, String> consumer) {
        for (final ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
            return record.value();
        }
        return null;
    }
}
