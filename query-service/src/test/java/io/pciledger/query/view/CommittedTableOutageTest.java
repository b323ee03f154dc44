package io.pciledger.query.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pciledger.testkit.KafkaCluster;
import io.pciledger.testkit.KafkaTest;
import io.pciledger.testkit.NodeControl;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A cloud-wide table started while the cluster does not answer (brokers starting, or too busy to answer in time)
 * keeps asking, and catches up once the cluster answers: it does not stop for good, leaving its instance never ready.
 */
@KafkaTest(isolated = true)
class CommittedTableOutageTest {

    @Test
    void aTableStartedWhileTheBrokerIsDownCatchesUpOnceItIsBack(final KafkaCluster kafka) throws Exception {
        final String topic = "outage-" + UUID.randomUUID();
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(kafka.clientProperties(),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "compute-1", "physnet1: 16 free")).get();
        }
        final NodeControl broker = kafka.nodeControl().orElseThrow();
        broker.stopNode(0);

        try (CommittedTable<String> table = new CommittedTable<>(topic, kafka.clientProperties(),
                (key, value) -> new String(value, StandardCharsets.UTF_8))) {
            table.start();
            // Longer than one metadata request may take (10 s): its first attempt fails while the broker is down.
            await().during(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(30)).until(() -> !table.isCaughtUp());
            broker.startNode(0);

            await().atMost(Duration.ofSeconds(90)).until(table::isCaughtUp);
            assertThat(table.get("compute-1")).contains("physnet1: 16 free");
        }
    }
}
