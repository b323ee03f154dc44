package io.pciledger.ledger.config;

import io.pciledger.ledger.topology.DeadLetterHandler;
import io.pciledger.ledger.topology.LedgerTimers;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.TopicSettings;
import io.pciledger.schemas.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Range;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The ledger processor's configuration: every key declared once, with its type, default and documentation
 * ({@link #DEFINITION}), validated on construction with a {@link ConfigException} naming the key.
 *
 * <p>Example:
 * <pre>
 * bootstrap.servers=broker-1:9092,broker-2:9092
 * ledger.application.id=pci-ledger
 * ledger.state.dir=/var/lib/pci-ledger
 * ledger.rocksdb.memory.bytes=268435456
 * streams.num.standby.replicas=1
 * </pre>
 *
 * <p>Every declared key, and every {@code topics.*} key of {@link TopicSettings}, may be overridden from the
 * environment ({@link #withEnvironment}): {@code PCI_LEDGER_} and
 * the key without its {@code ledger.} prefix, upper-case, dots as underscores, e.g. {@code PCI_LEDGER_STATE_DIR}
 * for {@value #STATE_DIR} and {@code PCI_LEDGER_BOOTSTRAP_SERVERS} for {@value #BOOTSTRAP_SERVERS} (as the CLI).
 *
 * <p>Keys starting with {@value #TOPICS_PREFIX} say how the topics are created ({@link #topicSettings()}).
 * Keys starting with {@value #STREAMS_PREFIX} are passed to Kafka Streams without the prefix, except
 * {@code processing.guarantee}: the ledger is {@code exactly_once_v2} or it is not the ledger (a claim result must
 * commit with its ledger events and state), so that one cannot be overridden. {@code streams.rocksdb.config.setter}
 * replaces {@link BoundedRocksDbMemory}, and with it the memory bound of {@value #ROCKSDB_MEMORY_BYTES}.
 */
public final class LedgerConfig extends AbstractConfig {

    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String APPLICATION_ID = "ledger.application.id";
    public static final String STATE_DIR = "ledger.state.dir";
    public static final String COMMIT_INTERVAL_MS = "ledger.commit.interval.ms";
    public static final String TOPIC_PREFIX = "ledger.topic.prefix";
    public static final String CHECK_INTERVAL_MS = "ledger.check.interval.ms";
    public static final String STALE_AFTER_MS = "ledger.stale.after.ms";
    public static final String ROCKSDB_MEMORY_BYTES = "ledger.rocksdb.memory.bytes";
    public static final String ROCKSDB_WRITE_BUFFER_RATIO = "ledger.rocksdb.write.buffer.ratio";
    public static final String STREAMS_PREFIX = "streams.";
    public static final String TOPICS_PREFIX = "topics.";

    /** The {@link TopicSettings} keys, which the environment may override too. */
    private static final List<String> TOPIC_SETTINGS_KEYS = List.of(TopicSettings.PARTITIONS,
            TopicSettings.REPLICATION_FACTOR, TopicSettings.MIN_INSYNC_REPLICAS, TopicSettings.RETENTION_MS);

    private static final long MIB = 1024L * 1024;

    /**
     * Short, because every claim waits for it: a client is answered from the committed result. At 10 ms a claim
     * takes some 23 ms end to end on a 2-core machine, at 20 ms some 32 ms, at Kafka Streams' 100 ms some 150 ms
     * (docs/benchmarks.md).
     */
    static final long DEFAULT_COMMIT_INTERVAL_MS = 10;

    /**
     * How long the stream thread waits in a poll that finds nothing. Kafka Streams commits only between polls, so an
     * idle ledger would otherwise hold a decided claim's transaction open for its default 100 ms poll.
     */
    static final long DEFAULT_POLL_MS = 5;

    /** The record cache's size under its deprecated name, which an operator's configuration may still use. */
    private static final String DEPRECATED_CACHE_MAX_BYTES = "cache.max.bytes.buffering";

    public static final ConfigDef DEFINITION = new ConfigDef()
            .define(BOOTSTRAP_SERVERS, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    Importance.HIGH, "The Kafka brokers to connect to, host:port[,host:port...].")
            .define(APPLICATION_ID, Type.STRING, "pci-ledger", new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "The Kafka Streams application id: every instance of one ledger shares it; it names the "
                            + "consumer group, the transactional ids and the changelog topics.")
            .define(STATE_DIR, Type.STRING, Path.of(System.getProperty("java.io.tmpdir"), "pci-ledger").toString(),
                    new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "Where the RocksDB state stores live; keep it across restarts to avoid restoring from the "
                            + "changelog.")
            .define(COMMIT_INTERVAL_MS, Type.LONG, DEFAULT_COMMIT_INTERVAL_MS, Range.atLeast(1), Importance.MEDIUM,
                    "How often a transaction commits: a claim's result is visible to the query service (which "
                            + "reads committed) about this long after it was decided, plus the commit itself. "
                            + "Shorter: lower claim latency, more transactions (docs/production.md).")
            .define(TOPIC_PREFIX, Type.STRING, "", topicPrefix(), Importance.LOW,
                    "A prefix for every topic name, so several ledgers (or tests) can share a cluster.")
            .define(CHECK_INTERVAL_MS, Type.LONG, LedgerTimers.DEFAULT.checkEvery().toMillis(), Range.atLeast(1),
                    Importance.MEDIUM, "How often (wall clock) the ledger expires claims past their time-to-live "
                            + "and marks silent hosts stale: a claim expires at most this late.")
            .define(STALE_AFTER_MS, Type.LONG, LedgerTimers.DEFAULT.staleAfter().toMillis(), Range.atLeast(1),
                    Importance.MEDIUM, "How long a host's agent may be silent (no heartbeat, no fact) before the "
                            + "host is marked stale and offered for no new claims; longer than the agents' "
                            + "heartbeat interval.")
            .define(ROCKSDB_MEMORY_BYTES, Type.LONG, 64 * MIB, Range.atLeast(MIB), Importance.MEDIUM,
                    "The off-heap memory all RocksDB state stores of this process share, in bytes: one block "
                            + "cache holding data, index and filter blocks, with the memtables counted in it "
                            + "(BoundedRocksDbMemory). Budget the process for heap + this + some native overhead.")
            .define(ROCKSDB_WRITE_BUFFER_RATIO, Type.DOUBLE, 0.5, openUnitInterval(), Importance.LOW,
                    "The share of " + ROCKSDB_MEMORY_BYTES + " the memtables (write buffers) of all stores may "
                            + "take before the largest is flushed; the rest caches blocks read from disk.");

    private final Map<String, ?> originals;

    /**
     * @throws ConfigException naming the key, when a value is missing or invalid
     */
    public LedgerConfig(final Map<String, ?> values) {
        super(DEFINITION, values);
        this.originals = Map.copyOf(values);
        topicSettings();
    }

    /** The configuration of {@code values}, each declared key overridden by its environment variable if set. */
    public static LedgerConfig withEnvironment(final Map<String, ?> values, final Map<String, String> environment) {
        final Map<String, Object> merged = new HashMap<>(values);
        merged.putAll(environmentOverrides(environment));
        return new LedgerConfig(merged);
    }

    /**
     * The keys {@code environment} sets ({@link #environmentVariable}): every declared key and the
     * {@value #TOPICS_PREFIX} keys of {@link TopicSettings}. For callers that layer more sources over it.
     */
    public static Map<String, String> environmentOverrides(final Map<String, String> environment) {
        final Map<String, String> overrides = new TreeMap<>();
        final Set<String> keys = new TreeSet<>(DEFINITION.names());
        keys.addAll(TOPIC_SETTINGS_KEYS);
        for (final String key : keys) {
            final String value = environment.get(environmentVariable(key));
            if (value != null) {
                overrides.put(key, value);
            }
        }
        return overrides;
    }

    /** The environment variable that overrides {@code key}, e.g. {@code PCI_LEDGER_STATE_DIR}. */
    public static String environmentVariable(final String key) {
        final String name = key.startsWith("ledger.") ? key.substring("ledger.".length()) : key;
        return "PCI_LEDGER_" + name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The topic names, with this ledger's prefix. */
    public TopicNames topicNames() {
        return TopicNames.withPrefix(getString(TOPIC_PREFIX));
    }

    /** When the ledger checks its hosts, and how long a silent agent keeps its host fresh. */
    public LedgerTimers timers() {
        return new LedgerTimers(Duration.ofMillis(getLong(CHECK_INTERVAL_MS)), Duration.ofMillis(getLong(STALE_AFTER_MS)));
    }

    /**
     * How this ledger's topics are created by whoever provisions them ({@code pci-ledger ledger} does): the
     * {@value #TOPICS_PREFIX} keys of {@link TopicSettings}, defaults for those not given.
     *
     * @throws ConfigException naming the key, when one is invalid
     */
    public TopicSettings topicSettings() {
        final Properties topics = new Properties();
        originals.forEach((key, value) -> {
            if (key.startsWith(TOPICS_PREFIX)) {
                topics.setProperty(key, String.valueOf(value));
            }
        });
        try {
            return TopicSettings.fromProperties(topics);
        } catch (final IllegalArgumentException e) {
            throw new ConfigException(e.getMessage());
        }
    }

    /**
     * The keys given that mean nothing here: not declared, not {@value #STREAMS_PREFIX}, not {@value #TOPICS_PREFIX}.
     * Usually a misspelt key, whose value would otherwise be silently ignored.
     */
    public Set<String> unknownKeys() {
        final Set<String> unknown = new TreeSet<>(originals.keySet());
        unknown.removeIf(key -> DEFINITION.names().contains(key) || key.startsWith(STREAMS_PREFIX)
                || key.startsWith(TOPICS_PREFIX));
        return unknown;
    }

    /**
     * The properties of an admin client that reaches the cluster as this ledger's Kafka Streams does (security
     * settings included), e.g. to provision its topics.
     */
    public Map<String, Object> adminClientProperties() {
        return new StreamsConfig(streamsProperties()).getAdminConfigs(getString(APPLICATION_ID) + "-provisioning");
    }

    /**
     * The properties of a plain consumer that reaches the cluster as this ledger's Kafka Streams does (security
     * settings included), e.g. to replay {@code pci.ledger} for an audit. It joins no group.
     */
    public Map<String, Object> readerProperties(final String clientId) {
        final Map<String, Object> properties = new HashMap<>();
        new StreamsConfig(streamsProperties()).getGlobalConsumerConfigs(clientId).forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key)) {
                properties.put(key, value);
            }
        });
        // Kafka Streams' own choices for its global consumer, not the operator's: the reader makes its own.
        properties.remove(ConsumerConfig.GROUP_ID_CONFIG);
        properties.remove(ConsumerConfig.MAX_POLL_RECORDS_CONFIG);
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return properties;
    }

    /** How much off-heap memory the RocksDB stores of this process share. */
    public RocksDbMemoryBudget rocksDbMemory() {
        return new RocksDbMemoryBudget(getLong(ROCKSDB_MEMORY_BYTES), getDouble(ROCKSDB_WRITE_BUFFER_RATIO));
    }

    /** The Kafka Streams properties of this ledger. */
    public Properties streamsProperties() {
        final Properties properties = new Properties();
        originals.forEach((key, value) -> {
            if (key.startsWith(STREAMS_PREFIX)) {
                properties.put(key.substring(STREAMS_PREFIX.length()), value);
            }
        });
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, getString(APPLICATION_ID));
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, getString(BOOTSTRAP_SERVERS));
        properties.put(StreamsConfig.STATE_DIR_CONFIG, getString(STATE_DIR));
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, getLong(COMMIT_INTERVAL_MS));
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        // A record no serde can read goes to pci.dead-letters and the ledger goes on.
        properties.putIfAbsent(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterHandler.class.getName());
        properties.put(DeadLetterHandler.TOPIC_CONFIG, topicNames().of(Topics.DEAD_LETTERS));
        // Facts and commands are independent streams decided in arrival order, not merged by timestamp: a task need
        // not wait for (nor check on every record whether it has) data of both; -1 turns that synchronisation off.
        properties.putIfAbsent(StreamsConfig.MAX_TASK_IDLE_MS_CONFIG, -1L);
        properties.putIfAbsent(StreamsConfig.POLL_MS_CONFIG, DEFAULT_POLL_MS);
        // No record cache in front of the stores: with one, a commit flushes each task's cache and then waits for
        // the producer, one round trip per task (18 tasks), which tripled the commit. Facts rewrite a host's header
        // more often without it (about a quarter more bytes per fact), at the same fold rate.
        if (!properties.containsKey(DEPRECATED_CACHE_MAX_BYTES)) {
            properties.putIfAbsent(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0L);
        }
        // Kafka 5.0's default, asked for now: processing-error handling the same on global and stream threads.
        properties.putIfAbsent(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // Unless the operator names a setter of their own, the RocksDB stores share one bounded budget; the
        // setter reads it from the application's configuration, where these keys pass through unchanged.
        properties.putIfAbsent(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName());
        properties.put(ROCKSDB_MEMORY_BYTES, getLong(ROCKSDB_MEMORY_BYTES));
        properties.put(ROCKSDB_WRITE_BUFFER_RATIO, getDouble(ROCKSDB_WRITE_BUFFER_RATIO));
        return properties;
    }

    private static ConfigDef.Validator topicPrefix() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            try {
                TopicNames.withPrefix((String) value);
            } catch (final IllegalArgumentException e) {
                throw new ConfigException(name, value, e.getMessage());
            }
        }, () -> "characters legal in a topic name");
    }

    private static ConfigDef.Validator openUnitInterval() {
        return ConfigDef.LambdaValidator.with((name, value) -> {
            final double ratio = (Double) value;
            if (!(ratio > 0 && ratio < 1)) {
                throw new ConfigException(name, value, "must be more than 0 and less than 1");
            }
        }, () -> "more than 0 and less than 1");
    }

    @Override
    public String toString() {
        return "LedgerConfig" + values();
    }
}
