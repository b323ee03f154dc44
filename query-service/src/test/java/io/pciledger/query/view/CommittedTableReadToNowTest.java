package io.pciledger.query.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.pciledger.testkit.KafkaCluster;
import io.pciledger.testkit.KafkaTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * {@code readToNow}: once it completes, the table holds every record a read-committed consumer could read at the
 * call, as the ledger's transactions commit them (transaction markers between the records).
 */
@KafkaTest
class CommittedTableReadToNowTest {

    private static String createTopic(final KafkaCluster kafka) throws Exception {
        final String topic = "read-to-now-" + UUID.randomUUID();
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
        return topic;
    }

    private static CommittedTable<String> table(final String topic, final KafkaCluster kafka) {
        return new CommittedTable<>(topic, kafka.clientProperties(),
                (key, value) -> new String(value, StandardCharsets.UTF_8));
    }

    @Test
    void afterReadingToNowTheTableHoldsWhatWasCommittedBefore(final KafkaCluster kafka) throws Exception {
        final String topic = createTopic(kafka);
        final Map<String, Object> transactional = new HashMap<>(kafka.clientProperties());
        transactional.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "read-to-now-" + UUID.randomUUID());
        try (CommittedTable<String> table = table(topic, kafka);
                KafkaProducer<String, String> ledger = new KafkaProducer<>(transactional, new StringSerializer(),
                        new StringSerializer());
                Admin admin = Admin.create(kafka.clientProperties())) {
            table.start();
            assertThat(table.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
            ledger.initTransactions();
            for (int change = 1; change <= 30; change++) {
                ledger.beginTransaction();
                final Future<RecordMetadata> free = ledger.send(
                        new ProducerRecord<>(topic, "compute-" + change % 4, "free " + change));
                final Future<RecordMetadata> busy = ledger.send(
                        new ProducerRecord<>(topic, "compute-busy", "change " + change));
                ledger.commitTransaction();
                // The commit is answered before its markers are written: wait until a reader could see both.
                awaitReadable(admin, free.get());
                awaitReadable(admin, busy.get());

                table.readToNow().get(30, TimeUnit.SECONDS);

                assertThat(table.get("compute-" + change % 4)).as("change %d", change).contains("free " + change);
                assertThat(table.get("compute-busy")).as("change %d", change).contains("change " + change);
            }
        }
    }

    /** Waits until the last stable offset of {@code written}'s partition is past it. */
    private static void awaitReadable(final Admin admin, final RecordMetadata written) {
        final TopicPartition partition = new TopicPartition(written.topic(), written.partition());
        await().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5)).atMost(Duration.ofSeconds(30))
                .until(() -> admin.listOffsets(Map.of(partition, OffsetSpec.latest()),
                        new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).partitionResult(partition).get()
                .offset() > written.offset());
    }

    @Test
    void callersAskingTogetherAreAllAnswered(final KafkaCluster kafka) throws Exception {
        final String topic = createTopic(kafka);
        try (CommittedTable<String> table = table(topic, kafka);
                KafkaProducer<String, String> producer = new KafkaProducer<>(kafka.clientProperties(),
                        new StringSerializer(), new StringSerializer())) {
            table.start();
            producer.send(new ProducerRecord<>(topic, "compute-1", "physnet1: 16 free")).get();
            final List<CompletableFuture<Void>> asked = IntStream.range(0, 50)
                    .mapToObj(caller -> table.readToNow()).toList();

            CompletableFuture.allOf(asked.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

            assertThat(table.get("compute-1")).contains("physnet1: 16 free");
        }
    }

    @Test
    void aClosedTableRefusesToReadToNow(final KafkaCluster kafka) throws Exception {
        final String topic = createTopic(kafka);
        final CommittedTable<String> table = table(topic, kafka);
        table.start();
        assertThat(table.awaitCaughtUp(Duration.ofSeconds(30))).isTrue();
        table.close();

        assertThatThrownBy(() -> table.readToNow().get(10, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("following " + topic);
    }
}
