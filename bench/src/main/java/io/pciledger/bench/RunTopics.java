package io.pciledger.bench;

import io.pciledger.schemas.topic.TopicDefinition;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.TopicProvisioner;
import io.pciledger.schemas.topic.TopicSettings;
import io.pciledger.schemas.topic.Topics;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * The topics of one benchmark run: created fresh under a prefix of their own, and deleted afterwards so that runs
 * do not pile up on a shared cluster.
 */
final class RunTopics {

    private static final Duration SERVED_WITHIN = Duration.ofSeconds(60);

    private RunTopics() {
    }

    /**
     * Creates PCI Ledger's topics under {@code prefix}, {@code partitions} each, replication factor 1, and waits
     * until every partition is served ({@link #awaitServed}).
     */
    static TopicNames provision(final Admin admin, final String prefix, final int partitions) throws Exception {
        final TopicNames names = TopicNames.withPrefix(prefix);
        new TopicProvisioner(admin, names, TopicSettings.forReplicationFactor(partitions, 1)).ensureTopics();
        for (final TopicDefinition<?> topic : Topics.all()) {
            awaitServed(admin, names.of(topic));
        }
        return names;
    }

    /** Creates one plain topic of {@code partitions} partitions, replication factor 1, and waits until it is served. */
    static void createPlain(final Admin admin, final String topic, final int partitions) throws Exception {
        try {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
        awaitServed(admin, topic);
    }

    /**
     * Waits until the leader of every partition of {@code topic} answers for it (the admin client retries a
     * partition its leader does not serve yet). An idempotent producer must not write to a partition before then:
     * if its first batch is refused as "not leader" and the next one is accepted, the first is retried as out of
     * order until it expires (KAFKA-14359, KAFKA-15591), and the records are lost.
     */
    static void awaitServed(final Admin admin, final String topic) throws Exception {
        final long deadline = System.nanoTime() + SERVED_WITHIN.toNanos();
        while (true) {
            try {
                endOffsets(admin, topic);
                return;
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof RetriableException) || System.nanoTime() > deadline) {
                    throw new IllegalStateException("topic " + topic + " was not served within " + SERVED_WITHIN, e);
                }
                Thread.sleep(50);
            }
        }
    }

    /** The end offset of every partition of {@code topic}, now. */
    static Map<TopicPartition, Long> endOffsets(final Admin admin, final String topic) throws Exception {
        final int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                .partitions().size();
        final Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int partition = 0; partition < partitions; partition++) {
            request.put(new TopicPartition(topic, partition), OffsetSpec.latest());
        }
        final Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(request).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /**
     * How many bytes the logs of every topic whose name starts with {@code prefix} hold on the brokers, by topic
     * name without the prefix (nor a '.' or '-' after it): what was written to them, record batches and transaction markers included.
     */
    static Map<String, Long> bytesOnDisk(final Admin admin, final String prefix) throws Exception {
        final List<Integer> brokers = admin.describeCluster().nodes().get().stream().map(Node::id).toList();
        final Map<String, Long> bytes = new TreeMap<>();
        admin.describeLogDirs(brokers).allDescriptions().get().values().forEach(dirs -> dirs.values().forEach(
                dir -> dir.replicaInfos().forEach((partition, replica) -> {
                    if (partition.topic().startsWith(prefix)) {
                        bytes.merge(partition.topic().substring(prefix.length()).replaceFirst("^[.-]", ""), replica.size(),
                                Long::sum);
                    }
                })));
        return bytes;
    }

    /** Deletes the consumer group {@code groupId} (a run's ledger), reporting rather than throwing a failure. */
    static void deleteGroup(final Admin admin, final String groupId) {
        try {
            admin.deleteConsumerGroups(List.of(groupId)).all().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof GroupIdNotFoundException) {
                return;
            }
            System.err.println("could not delete consumer group " + groupId + ": " + e.getCause().getMessage());
        }
    }

    /**
     * Deletes every topic whose name starts with one of {@code prefixes}: the run's own topics and the internal
     * topics of its ledger ({@code <application id>-...}). Failures are reported, not thrown: this is clean-up.
     */
    static void deleteAll(final Admin admin, final String... prefixes) {
        try {
            final List<String> doomed = admin.listTopics().names().get().stream()
                    .filter(topic -> Arrays.stream(prefixes).anyMatch(topic::startsWith))
                    .toList();
            if (!doomed.isEmpty()) {
                admin.deleteTopics(doomed).all().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            System.err.println("could not delete the topics of " + String.join(", ", prefixes) + ": "
                    + e.getCause().getMessage());
        }
    }
}
