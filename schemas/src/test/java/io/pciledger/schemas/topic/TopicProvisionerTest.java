package io.pciledger.schemas.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.pciledger.testkit.KafkaCluster;
import io.pciledger.testkit.KafkaTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Topic provisioning against a real broker; each test works under its own topic prefix. */
@KafkaTest
class TopicProvisionerTest {

    private Admin admin;
    private TopicNames names;

    @BeforeEach
    void connect(final KafkaCluster kafka) {
        admin = Admin.create(kafka.clientProperties());
        names = TopicNames.withPrefix("prov-" + UUID.randomUUID().toString().substring(0, 8) + ".");
    }

    @AfterEach
    void close() {
        admin.close();
    }

    @Test
    void createsEveryTopicWithItsRetentionAndPartitions() throws Exception {
        final ProvisioningReport report = provisioner(TopicSettings.forReplicationFactor(3, 1)).ensureTopics();

        assertThat(report.created()).hasSize(Topics.all().size());
        assertThat(partitionsOf(names.of(Topics.INVENTORY))).isEqualTo(3);
        assertThat(configOf(Topics.LEDGER).get("retention.ms").value()).isEqualTo("-1");
        assertThat(configOf(Topics.GROUPS).get("retention.ms").value()).isEqualTo("-1");
        assertThat(configOf(Topics.GROUP_COUNTS).get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(configOf(Topics.HOST_POOLS).get("cleanup.policy").value()).isEqualTo("compact");
        assertThat(configOf(Topics.COMMANDS).get("retention.ms").value()).isEqualTo("604800000");
        assertThat(configOf(Topics.COMMANDS).get("min.insync.replicas").value()).isEqualTo("1");
    }

    @Test
    void secondRunCreatesNothing() {
        provisioner(TopicSettings.forReplicationFactor(1, 1)).ensureTopics();

        final ProvisioningReport again = provisioner(TopicSettings.forReplicationFactor(1, 1)).ensureTopics();

        assertThat(again.created()).isEmpty();
        assertThat(again.existing()).hasSize(Topics.all().size());
        assertThat(again.warnings()).isEmpty();
    }

    @Test
    void coPartitionedTopicsWithDifferentPartitionCountsAreAMismatch() throws Exception {
        create(names.of(Topics.INVENTORY), 2, Map.of());
        create(names.of(Topics.COMMANDS), 3, Map.of());

        assertThatThrownBy(() -> provisioner(TopicSettings.forReplicationFactor(2, 1)).ensureTopics())
                .isInstanceOf(TopicMismatchException.class)
                .hasMessageContaining("co-partitioned topics must have the same partition count")
                .hasMessageContaining(names.of(Topics.INVENTORY) + "=2")
                .hasMessageContaining(names.of(Topics.COMMANDS) + "=3");
        assertThat(existingTopics()).doesNotContain(names.of(Topics.LEDGER));
    }

    @Test
    void existingCoPartitionCountIsKeptForTheMissingOnesWithAWarning() throws Exception {
        create(names.of(Topics.INVENTORY), 4, Map.of());

        final ProvisioningReport report = provisioner(TopicSettings.forReplicationFactor(2, 1)).ensureTopics();

        assertThat(partitionsOf(names.of(Topics.COMMANDS))).isEqualTo(4);
        assertThat(partitionsOf(names.of(Topics.LEDGER))).isEqualTo(4);
        assertThat(report.warnings()).singleElement().asString().contains("keeping that instead of topics.partitions=2");
    }

    @Test
    void ledgerThatWouldDeleteHistoryIsAMismatch() throws Exception {
        create(names.of(Topics.LEDGER), 1, Map.of("retention.ms", "86400000"));

        assertThatThrownBy(() -> provisioner(TopicSettings.forReplicationFactor(1, 1)).ensureTopics())
                .isInstanceOf(TopicMismatchException.class)
                .hasMessageContaining(names.of(Topics.LEDGER) + " must keep every record forever")
                .hasMessageContaining("retention.ms=86400000");
    }

    @Test
    void derivedTableThatIsNotCompactedIsAMismatch() throws Exception {
        create(names.of(Topics.GROUP_COUNTS), 1, Map.of("cleanup.policy", "delete"));

        assertThatThrownBy(() -> provisioner(TopicSettings.forReplicationFactor(1, 1)).ensureTopics())
                .isInstanceOf(TopicMismatchException.class)
                .hasMessageContaining(names.of(Topics.GROUP_COUNTS) + " must be compacted");
    }

    @Test
    void replicationFactorAboveTheBrokerCountIsAClearError(final KafkaCluster kafka) {
        final int tooMany = kafka.brokers() + 2;

        assertThatThrownBy(() -> provisioner(TopicSettings.forReplicationFactor(1, tooMany)).ensureTopics())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("topics.replication.factor=" + tooMany + " but the cluster has only " + kafka.brokers() + " broker(s)");
    }

    private TopicProvisioner provisioner(final TopicSettings settings) {
        return new TopicProvisioner(admin, names, settings);
    }

    /** Creates a topic as an operator would have, and waits until the broker lists it, as it would by then. */
    private void create(final String topic, final int partitions, final Map<String, String> config) throws Exception {
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(config))).all().get();
        await().atMost(Duration.ofSeconds(30)).until(() -> admin.listTopics().names().get().contains(topic));
    }

    private int partitionsOf(final String topic) throws ExecutionException, InterruptedException {
        return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
    }

    private Config configOf(final TopicDefinition<?> topic) throws ExecutionException, InterruptedException {
        final ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, names.of(topic));
        return admin.describeConfigs(List.of(resource)).all().get().get(resource);
    }

    private Set<String> existingTopics() throws ExecutionException, InterruptedException {
        return admin.listTopics().names().get();
    }
}
