package io.pciledger.schemas.topic;

import java.time.Duration;
import java.util.Properties;

/**
 * How PCI Ledger's topics are created. Keys, as they appear in a configuration file:
 *
 * <ul>
 *   <li>{@code topics.partitions} (default 6): partitions of every topic; the co-partitioned ones must
 *       all have the same count, which bounds how many ledger instances share the work.</li>
 *   <li>{@code topics.replication.factor} (default 1, use 3 on a production cluster).</li>
 *   <li>{@code topics.min.insync.replicas} (default 2 when the replication factor is 3 or more, else 1):
 *       with {@code acks=all}, how many replicas must have a write before it is acknowledged.</li>
 *   <li>{@code topics.retention.ms} (default 7 days): retention of the time-limited topics
 *       (inventory, commands, claim results, dead letters). The ledger and group topics are kept forever.</li>
 * </ul>
 */
public record TopicSettings(int partitions, short replicationFactor, int minInsyncReplicas, Duration retention) {

    public static final String PARTITIONS = "topics.partitions";
    public static final String REPLICATION_FACTOR = "topics.replication.factor";
    public static final String MIN_INSYNC_REPLICAS = "topics.min.insync.replicas";
    public static final String RETENTION_MS = "topics.retention.ms";

    static final int DEFAULT_PARTITIONS = 6;
    static final Duration DEFAULT_RETENTION = Duration.ofDays(7);

    public TopicSettings {
        requireAtLeast(PARTITIONS, partitions, 1);
        requireAtLeast(REPLICATION_FACTOR, replicationFactor, 1);
        requireAtLeast(MIN_INSYNC_REPLICAS, minInsyncReplicas, 1);
        if (minInsyncReplicas > replicationFactor) {
            throw new IllegalArgumentException(MIN_INSYNC_REPLICAS + "=" + minInsyncReplicas
                    + " is more than " + REPLICATION_FACTOR + "=" + replicationFactor + ": no write could ever succeed");
        }
        if (retention == null || retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException(RETENTION_MS + " must be a positive duration, was " + retention);
        }
    }

    /** Settings for a cluster of this replication factor, everything else default. */
    public static TopicSettings forReplicationFactor(final int partitions, final int replicationFactor) {
        requireAtLeast(REPLICATION_FACTOR, replicationFactor, 1);
        return new TopicSettings(partitions, (short) replicationFactor,
                defaultMinInsyncReplicas(replicationFactor), DEFAULT_RETENTION);
    }

    public static TopicSettings defaults() {
        return forReplicationFactor(DEFAULT_PARTITIONS, 1);
    }

    /**
     * Reads the {@code topics.*} keys; absent keys take their defaults.
     *
     * @throws IllegalArgumentException naming the key whose value is not a valid number
     */
    public static TopicSettings fromProperties(final Properties properties) {
        final int partitions = intValue(properties, PARTITIONS, DEFAULT_PARTITIONS);
        final int replicationFactor = intValue(properties, REPLICATION_FACTOR, 1);
        requireAtLeast(REPLICATION_FACTOR, replicationFactor, 1);
        final int minIsr = intValue(properties, MIN_INSYNC_REPLICAS, defaultMinInsyncReplicas(replicationFactor));
        final long retentionMs = longValue(properties, RETENTION_MS, DEFAULT_RETENTION.toMillis());
        return new TopicSettings(partitions, (short) replicationFactor, minIsr, Duration.ofMillis(retentionMs));
    }

    static int defaultMinInsyncReplicas(final int replicationFactor) {
        return replicationFactor >= 3 ? 2 : 1;
    }

    private static int intValue(final Properties properties, final String key, final int defaultValue) {
        return (int) longValue(properties, key, defaultValue);
    }

    private static long longValue(final Properties properties, final String key, final long defaultValue) {
        final String text = properties.getProperty(key);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, was '" + text + "'", e);
        }
    }

    private static void requireAtLeast(final String key, final long value, final long minimum) {
        if (value < minimum) {
            throw new IllegalArgumentException(key + " must be at least " + minimum + ", was " + value);
        }
    }
}
