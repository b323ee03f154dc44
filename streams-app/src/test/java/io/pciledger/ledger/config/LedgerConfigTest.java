package io.pciledger.ledger.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;
import io.pciledger.ledger.topology.DeadLetterHandler;
import io.pciledger.schemas.topic.TopicSettings;
import org.junit.jupiter.api.Test;

class LedgerConfigTest {

    @Test
    void ledgerIsExactlyOnceWithItsIdBrokersStateDirAndCommitInterval() {
        final Properties properties = new LedgerConfig(Map.of(LedgerConfig.BOOTSTRAP_SERVERS, "broker-1:9092",
                LedgerConfig.STATE_DIR, "/var/lib/pci-ledger")).streamsProperties();

        assertThat(properties)
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2)
                .containsEntry(StreamsConfig.APPLICATION_ID_CONFIG, "pci-ledger")
                .containsEntry(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "broker-1:9092")
                .containsEntry(StreamsConfig.STATE_DIR_CONFIG, "/var/lib/pci-ledger")
                .containsEntry(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 10L)
                .containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        DeadLetterHandler.class.getName())
                .containsEntry(DeadLetterHandler.TOPIC_CONFIG, "pci.dead-letters");
    }

    @Test
    void streamsKeysPassThroughButExactlyOnceCannotBeTurnedOff() {
        final Properties properties = new LedgerConfig(Map.of(LedgerConfig.BOOTSTRAP_SERVERS, "broker-1:9092",
                "streams.num.standby.replicas", "1",
                "streams.processing.guarantee", "at_least_once")).streamsProperties();

        assertThat(properties)
                .containsEntry(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, "1")
                .containsEntry(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    }

    @Test
    void missingBrokersAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> new LedgerConfig(Map.of()))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(LedgerConfig.BOOTSTRAP_SERVERS);
    }

    @Test
    void anIdleLedgerPollsBrieflyAndKeepsNoRecordCacheSoThatADecidedClaimCommitsSoon() {
        final Properties properties = new LedgerConfig(Map.of(LedgerConfig.BOOTSTRAP_SERVERS, "b:9092"))
                .streamsProperties();

        assertThat(properties)
                .containsEntry(StreamsConfig.POLL_MS_CONFIG, 5L)
                .containsEntry(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
    }

    @Test
    void aRecordCacheSizedUnderItsDeprecatedNameIsNotOverridden() {
        final Properties properties = new LedgerConfig(Map.of(LedgerConfig.BOOTSTRAP_SERVERS, "b:9092",
                "streams.cache.max.bytes.buffering", "10485760")).streamsProperties();

        assertThat(properties)
                .containsEntry("cache.max.bytes.buffering", "10485760")
                .doesNotContainKey(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG);
    }

    @Test
    void theOperatorMayStillGiveTheRecordCacheMemoryAndPollLonger() {
        final Properties properties = new LedgerConfig(Map.of(LedgerConfig.BOOTSTRAP_SERVERS, "b:9092",
                "streams.statestore.cache.max.bytes", "10485760", "streams.poll.ms", "100")).streamsProperties();

        assertThat(properties)
                .containsEntry(StreamsConfig.POLL_MS_CONFIG, "100")
                .containsEntry(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "10485760");
    }

    @Test
    void invalidCommitIntervalIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new LedgerConfig(Map.of(LedgerConfig.BOOTSTRAP_SERVERS, "b:9092",
                LedgerConfig.COMMIT_INTERVAL_MS, "0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(LedgerConfig.COMMIT_INTERVAL_MS);
    }

    @Test
    void environmentOverridesEveryDeclaredKey() {
        final LedgerConfig config = LedgerConfig.withEnvironment(
                Map.of(LedgerConfig.BOOTSTRAP_SERVERS, "from-file:9092", LedgerConfig.STATE_DIR, "/from/file"),
                Map.of("PCI_LEDGER_BOOTSTRAP_SERVERS", "from-env:9092", "PCI_LEDGER_STALE_AFTER_MS", "60000"));

        assertThat(config.getString(LedgerConfig.BOOTSTRAP_SERVERS)).isEqualTo("from-env:9092");
        assertThat(config.getString(LedgerConfig.STATE_DIR)).isEqualTo("/from/file");
        assertThat(config.timers().staleAfter()).isEqualTo(java.time.Duration.ofMinutes(1));
        assertThat(LedgerConfig.environmentVariable(LedgerConfig.STATE_DIR)).isEqualTo("PCI_LEDGER_STATE_DIR");
    }

    @Test
    void rocksDbStoresShareTheConfiguredBudgetThroughTheBoundedSetter() {
        final Properties properties = new LedgerConfig(Map.of(LedgerConfig.BOOTSTRAP_SERVERS, "b:9092",
                LedgerConfig.ROCKSDB_MEMORY_BYTES, "134217728",
                LedgerConfig.ROCKSDB_WRITE_BUFFER_RATIO, "0.25")).streamsProperties();

        assertThat(properties)
                .containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName())
                .containsEntry(LedgerConfig.ROCKSDB_MEMORY_BYTES, 134_217_728L)
                .containsEntry(LedgerConfig.ROCKSDB_WRITE_BUFFER_RATIO, 0.25);
    }

    @Test
    void rocksDbBudgetDefaultsTo64MiBHalfForMemtables() {
        final LedgerConfig config = new LedgerConfig(Map.of(LedgerConfig.BOOTSTRAP_SERVERS, "b:9092"));

        assertThat(config.rocksDbMemory()).isEqualTo(new RocksDbMemoryBudget(64L * 1024 * 1024, 0.5));
    }

    @Test
    void anOperatorsOwnRocksDbSetterReplacesTheBoundedOne() {
        final Properties properties = new LedgerConfig(Map.of(LedgerConfig.BOOTSTRAP_SERVERS, "b:9092",
                "streams.rocksdb.config.setter", "com.example.TunedRocksDb")).streamsProperties();

        assertThat(properties).containsEntry(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, "com.example.TunedRocksDb");
    }

    @Test
    void rocksDbMemoryBelowOneMiBIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new LedgerConfig(Map.of(LedgerConfig.BOOTSTRAP_SERVERS, "b:9092",
                LedgerConfig.ROCKSDB_MEMORY_BYTES, "65536")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(LedgerConfig.ROCKSDB_MEMORY_BYTES);
    }

    @Test
    void rocksDbMemoryThatIsNotANumberIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new LedgerConfig(Map.of(LedgerConfig.BOOTSTRAP_SERVERS, "b:9092",
                LedgerConfig.ROCKSDB_MEMORY_BYTES, "64MiB")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(LedgerConfig.ROCKSDB_MEMORY_BYTES);
    }

    @Test
    void writeBufferRatioOfOneIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new LedgerConfig(Map.of(LedgerConfig.BOOTSTRAP_SERVERS, "b:9092",
                LedgerConfig.ROCKSDB_WRITE_BUFFER_RATIO, "1.0")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(LedgerConfig.ROCKSDB_WRITE_BUFFER_RATIO)
                .hasMessageContaining("less than 1");
    }

    @Test
    void rocksDbBudgetComesFromTheEnvironmentToo() {
        final LedgerConfig config = LedgerConfig.withEnvironment(Map.of(LedgerConfig.BOOTSTRAP_SERVERS, "b:9092"),
                Map.of("PCI_LEDGER_ROCKSDB_MEMORY_BYTES", "33554432", "PCI_LEDGER_ROCKSDB_WRITE_BUFFER_RATIO", "0.3"));

        assertThat(config.rocksDbMemory()).isEqualTo(new RocksDbMemoryBudget(32L * 1024 * 1024, 0.3));
    }

    @Test
    void topicSettingsComeFromTheTopicsKeysAndTheEnvironment() {
        final LedgerConfig config = LedgerConfig.withEnvironment(Map.of(LedgerConfig.BOOTSTRAP_SERVERS, "b:9092",
                TopicSettings.PARTITIONS, "12", TopicSettings.REPLICATION_FACTOR, "1"),
                Map.of("PCI_LEDGER_TOPICS_REPLICATION_FACTOR", "3"));

        assertThat(config.topicSettings()).isEqualTo(TopicSettings.forReplicationFactor(12, 3));
    }

    @Test
    void anInvalidTopicSettingIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new LedgerConfig(Map.of(LedgerConfig.BOOTSTRAP_SERVERS, "b:9092",
                TopicSettings.PARTITIONS, "many")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(TopicSettings.PARTITIONS);
    }

    @Test
    void anIllegalTopicPrefixIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> new LedgerConfig(Map.of(LedgerConfig.BOOTSTRAP_SERVERS, "b:9092",
                LedgerConfig.TOPIC_PREFIX, "no spaces/")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(LedgerConfig.TOPIC_PREFIX);
    }

    @Test
    void misspeltKeysAreReportedAsUnknown() {
        final LedgerConfig config = new LedgerConfig(Map.of(LedgerConfig.BOOTSTRAP_SERVERS, "b:9092",
                "ledger.comit.interval.ms", "50", "streams.num.standby.replicas", "1", TopicSettings.PARTITIONS, "3"));

        assertThat(config.unknownKeys()).containsExactly("ledger.comit.interval.ms");
    }

    @Test
    void adminClientReachesTheClusterAsStreamsDoes() {
        final Map<String, Object> admin = new LedgerConfig(Map.of(LedgerConfig.BOOTSTRAP_SERVERS, "b:9092",
                "streams.security.protocol", "SSL")).adminClientProperties();

        assertThat(admin).containsEntry("bootstrap.servers", "b:9092").containsEntry("security.protocol", "SSL");
    }

    @Test
    void aReaderReachesTheClusterAsStreamsDoesAndJoinsNoGroup() {
        final Map<String, Object> reader = new LedgerConfig(Map.of(LedgerConfig.BOOTSTRAP_SERVERS, "b:9092",
                "streams.security.protocol", "SSL")).readerProperties("audit");

        assertThat(reader).containsEntry("bootstrap.servers", "b:9092").containsEntry("security.protocol", "SSL")
                .containsEntry("client.id", "audit").doesNotContainKeys("group.id", LedgerConfig.ROCKSDB_MEMORY_BYTES);
    }

    @Test
    void topicPrefixNamesTheTopics() {
        final LedgerConfig config = new LedgerConfig(Map.of(LedgerConfig.BOOTSTRAP_SERVERS, "b:9092",
                LedgerConfig.TOPIC_PREFIX, "test-"));

        assertThat(config.topicNames().prefix()).isEqualTo("test-");
    }
}
