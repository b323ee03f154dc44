package io.pciledger.ledger.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.pciledger.ledger.topology.LedgerStreams;
import io.pciledger.ledger.topology.LedgerTopology;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.TopicProvisioner;
import io.pciledger.schemas.topic.TopicSettings;
import io.pciledger.testkit.KafkaCluster;
import io.pciledger.testkit.KafkaTest;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.MetricName;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger's RocksDB stores on a real broker report, in Kafka Streams' own RocksDB metrics, the one configured
 * budget as their block cache: without {@link BoundedRocksDbMemory} each would report Kafka Streams' 50 MiB.
 */
@KafkaTest
class BoundedRocksDbMemoryOnABrokerTest {

    private static final long BUDGET = 24L * 1024 * 1024;

    @TempDir
    Path stateDir;

    @Test
    void everyPersistentStoreReportsTheOneConfiguredCacheCapacity(final KafkaCluster kafka) {
        final String run = UUID.randomUUID().toString().substring(0, 8);
        final TopicNames names = TopicNames.withPrefix("memory-" + run + ".");
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            new TopicProvisioner(admin, names, TopicSettings.forReplicationFactor(2, 1)).ensureTopics();
        }
        final LedgerConfig config = new LedgerConfig(Map.of(
                LedgerConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                LedgerConfig.APPLICATION_ID, "memory-" + run,
                LedgerConfig.STATE_DIR, stateDir.toString(),
                LedgerConfig.TOPIC_PREFIX, names.prefix(),
                LedgerConfig.ROCKSDB_MEMORY_BYTES, BUDGET));

        final KafkaStreams ledger = LedgerStreams.create(config);
        try {
            ledger.start();
            await().atMost(Duration.ofSeconds(60)).until(() -> ledger.state() == KafkaStreams.State.RUNNING);

            final Map<String, List<Object>> capacities = blockCacheCapacities(ledger);

            assertThat(capacities).as("block-cache-capacity by store").containsKeys(
                    LedgerTopology.HOST_LEDGERS_STORE, LedgerTopology.GROUP_COUNTS_STORE, LedgerTopology.GROUPS_STORE);
            assertThat(capacities.values()).as("block-cache-capacity by store: %s", capacities).allSatisfy(perTask ->
                    assertThat(perTask).isNotEmpty().containsOnly(BigInteger.valueOf(BUDGET)));
        } finally {
            ledger.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(Duration.ofSeconds(60)));
        }
    }

    /** Each RocksDB store's {@code block-cache-capacity}, one value per task that holds the store. */
    private static Map<String, List<Object>> blockCacheCapacities(final KafkaStreams streams) {
        return streams.metrics().entrySet().stream()
                .filter(metric -> metric.getKey().group().equals("stream-state-metrics")
                        && metric.getKey().name().equals("block-cache-capacity"))
                .collect(Collectors.groupingBy(metric -> storeName(metric.getKey()),
                        Collectors.mapping(metric -> metric.getValue().metricValue(), Collectors.toList())));
    }

    private static String storeName(final MetricName metric) {
        return metric.tags().entrySet().stream()
                .filter(tag -> tag.getKey().endsWith("-state-id"))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no store tag in " + metric));
    }
}
