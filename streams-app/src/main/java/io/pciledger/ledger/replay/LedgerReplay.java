package io.pciledger.ledger.replay;

import io.pciledger.ledger.avro.LedgerEvents;
import io.pciledger.ledger.domain.LedgerRecord;
import io.pciledger.schemas.serde.SingleObjectCodec;
import io.pciledger.schemas.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topic {@code pci.ledger} into a {@link FleetFold}: the audit replay's only contact with Kafka.
 *
 * <p>It reads what is committed ({@code read_committed}), from the beginning of every partition up to the end each
 * one had when the read began, with no consumer group (it commits nothing and disturbs no one). Records of hosts
 * the caller does not want, or whose replay has ended, are passed over without being decoded. A record that cannot
 * be decoded ends its host's replay as a {@link ReplayProblem}, it does not stop the others.
 *
 * <pre>{@code
 * LedgerReplay replay = new LedgerReplay(clientProperties, topicNames.of(Topics.LEDGER));
 * FleetState yesterday = replay.fleet(ReplayCut.until(Instant.parse("2025-06-01T00:00:00Z")), progress -> { });
 * }</pre>
 */
public final class LedgerReplay {

    /** How long the reader may make no progress at all before it gives up (a broker gone, a partition offline). */
    public static final Duration STALL_LIMIT = Duration.ofSeconds(60);

    private static final Duration POLL = Duration.ofMillis(200);

    private final Map<String, Object> consumerConfig;
    private final String topic;

    /**
     * @param clientProperties how to reach the cluster ({@code bootstrap.servers}, security settings); fetch sizes
     *                         given here win over the replay's own
     * @param topic            the ledger topic's name, with its prefix
     */
    public LedgerReplay(final Map<String, Object> clientProperties, final String topic) {
        this.consumerConfig = consumerConfig(clientProperties);
        this.topic = Objects.requireNonNull(topic, "topic");
    }

    private static Map<String, Object> consumerConfig(final Map<String, Object> clientProperties) {
        final Map<String, Object> config = new HashMap<>(clientProperties);
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.CLIENT_ID_CONFIG, "pci-ledger-replay");
        // Big fetches: a replay reads everything once, as fast as the broker hands it out.
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 10_000);
        config.putIfAbsent(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 8 * 1024 * 1024);
        config.putIfAbsent(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        config.putIfAbsent(ConsumerConfig.RECEIVE_BUFFER_CONFIG, 1024 * 1024);
        return config;
    }

    /** The fleet up to {@code cut}. */
    public FleetState fleet(final ReplayCut cut, final Consumer<ReplayProgress> progress) {
        final FleetFold fold = new FleetFold(cut);
        read(host -> true, fold, progress);
        return fold.state();
    }

    /** The history of device {@code address} on {@code host} up to {@code cut}; only that host is decoded. */
    public DeviceHistory device(final String host, final String address, final ReplayCut cut,
            final Consumer<ReplayProgress> progress) {
        final DeviceHistory history = new DeviceHistory(host, address);
        read(host::equals, history.collector(cut), progress);
        return history;
    }

    /**
     * Reads the topic to the end it had when this call began, handing every record of a host {@code hosts} admits
     * to {@code fold}, and telling {@code progress} how far it is after every poll.
     *
     * @throws IllegalStateException when the topic does not exist, or the reader made no progress for
     *                               {@link #STALL_LIMIT}
     */
    public void read(final Predicate<String> hosts, final FleetFold fold, final Consumer<ReplayProgress> progress) {
        final SingleObjectCodec<io.pciledger.schemas.ledger.LedgerEvent> codec = Topics.LEDGER.valueSerde().codec();
        final long started = System.nanoTime();
        try (KafkaConsumer<String, byte[]> consumer =
                new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
            final List<TopicPartition> partitions = partitions(consumer);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            final Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions);
            // Under read_committed, the last stable offsets: nothing an open transaction may still abort.
            final Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            final long total = partitions.stream().mapToLong(partition -> end.get(partition) - begin.get(partition))
                    .sum();
            final List<TopicPartition> remaining = new ArrayList<>(partitions);
            long recordsRead = 0;
            long lastMove = System.nanoTime();
            long lastOffsetsRead = -1;
            while (true) {
                final List<TopicPartition> done = remaining.stream()
                        .filter(partition -> consumer.position(partition) >= end.get(partition)).toList();
                if (!done.isEmpty()) {
                    consumer.pause(done);
                    remaining.removeAll(done);
                }
                final long offsetsRead = partitions.stream()
                        .mapToLong(partition -> Math.min(consumer.position(partition), end.get(partition))
                                - begin.get(partition))
                        .sum();
                progress.accept(new ReplayProgress(recordsRead, offsetsRead, total,
                        Duration.ofNanos(System.nanoTime() - started)));
                if (remaining.isEmpty()) {
                    return;
                }
                if (offsetsRead != lastOffsetsRead) {
                    lastOffsetsRead = offsetsRead;
                    lastMove = System.nanoTime();
                } else if (System.nanoTime() - lastMove > STALL_LIMIT.toNanos()) {
                    throw new IllegalStateException("reading " + topic + " made no progress for " + STALL_LIMIT
                            + " (partitions not at their end: " + remaining + ")");
                }
                final ConsumerRecords<String, byte[]> records = consumer.poll(POLL);
                for (final TopicPartition partition : records.partitions()) {
                    final long endOffset = end.get(partition);
                    final String source = partition.toString();
                    for (final ConsumerRecord<String, byte[]> record : records.records(partition)) {
                        if (record.offset() >= endOffset) {
                            break;
                        }
                        recordsRead++;
                        final String host = record.key();
                        if (host != null && (!hosts.test(host) || !fold.wants(host))) {
                            continue;
                        }
                        replay(record, source, codec, fold);
                    }
                }
            }
        }
    }

    private List<TopicPartition> partitions(final KafkaConsumer<String, byte[]> consumer) {
        final List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic).forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
        if (partitions.isEmpty()) {
            throw new IllegalStateException("topic " + topic + " does not exist (is the ledger's topic prefix right?)");
        }
        return partitions;
    }

    private static void replay(final ConsumerRecord<String, byte[]> record, final String source,
            final SingleObjectCodec<io.pciledger.schemas.ledger.LedgerEvent> codec, final FleetFold fold) {
        final String host = record.key();
        final LedgerRecord decoded;
        try {
            if (host == null) {
                throw new IllegalArgumentException("a ledger record without a key (its host)");
            }
            if (record.value() == null) {
                throw new IllegalArgumentException("a ledger record without a value");
            }
            decoded = LedgerEvents.toDomain(codec.decode(record.value()));
            if (!decoded.host().equals(host)) {
                throw new IllegalArgumentException("an event of host " + decoded.host() + " keyed by host " + host);
            }
        } catch (final RuntimeException undecodable) {
            fold.undecodable(host, source, record.offset(), String.valueOf(undecodable.getMessage()));
            return;
        }
        fold.accept(decoded, source, record.offset());
    }
}
