package io.pciledger.schemas.topic;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Creates every topic of {@link Topics} that is missing, and checks the ones that exist, before a
 * component starts. Safe to run from every component at once: it is idempotent, and a topic created
 * by someone else in between counts as existing.
 *
 * <p>Existing topics win over settings where that is safe (a different partition count that all
 * co-partitioned topics share is kept, with a warning); where it is not safe it throws
 * {@link TopicMismatchException} before creating anything.
 */
public final class TopicProvisioner {

    private static final int MAX_PASSES = 5;

    private final Admin admin;
    private final TopicNames names;
    private final TopicSettings settings;
    private final Duration timeout;

    public TopicProvisioner(final Admin admin, final TopicNames names, final TopicSettings settings) {
        this(admin, names, settings, Duration.ofSeconds(60));
    }

    public TopicProvisioner(final Admin admin, final TopicNames names, final TopicSettings settings,
                            final Duration timeout) {
        this.admin = admin;
        this.names = names;
        this.settings = settings;
        this.timeout = timeout;
    }

    /**
     * @throws TopicMismatchException when existing topics do not fit the contract
     * @throws IllegalStateException  when the cluster cannot hold the configured replication factor,
     *                                or does not answer in time
     */
    public ProvisioningReport ensureTopics() {
        final List<String> createdEarlier = new ArrayList<>();
        for (int pass = 1; ; pass++) {
            try {
                final ProvisioningReport report = ensureTopicsOnce();
                if (createdEarlier.isEmpty()) {
                    return report;
                }
                final List<String> existing = new ArrayList<>(report.existing());
                existing.removeAll(createdEarlier);
                return new ProvisioningReport(createdEarlier, existing, report.warnings(), report.partitions());
            } catch (CreatedElsewhereException e) {
                createdEarlier.addAll(e.created);
                // Someone created a topic between our listing and our creation (or the listing lagged the
                // controller): look again, so that topic is checked like any existing one.
                if (pass >= MAX_PASSES) {
                    throw new IllegalStateException("topics " + e.topics + " exist according to the controller"
                            + " but are not listed after " + MAX_PASSES + " attempts", e);
                }
                pause(Duration.ofMillis(200L * pass));
            }
        }
    }

    private ProvisioningReport ensureTopicsOnce() {
        final Set<String> existingNames = await(admin.listTopics().names());
        final List<TopicDefinition<?>> existing = new ArrayList<>();
        final List<TopicDefinition<?>> missing = new ArrayList<>();
        for (final TopicDefinition<?> topic : Topics.all()) {
            (existingNames.contains(names.of(topic)) ? existing : missing).add(topic);
        }

        final Map<String, TopicDescription> descriptions = existing.isEmpty()
                ? Map.of() : await(admin.describeTopics(namesOf(existing)).allTopicNames());
        final Map<String, Config> configs = existing.isEmpty()
                ? Map.of() : describeConfigs(existing);

        final List<String> problems = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();
        final int partitions = coPartitionCount(existing, descriptions, problems, warnings);
        for (final TopicDefinition<?> topic : existing) {
            checkRetention(topic, configs.get(names.of(topic)), problems);
            checkReplication(topic, descriptions.get(names.of(topic)), warnings);
        }
        if (!problems.isEmpty()) {
            throw new TopicMismatchException(problems);
        }

        final List<String> created = create(missing, partitions);
        return new ProvisioningReport(created, namesOf(existing), warnings, partitions);
    }

    private int coPartitionCount(final List<TopicDefinition<?>> existing,
                                 final Map<String, TopicDescription> descriptions,
                                 final List<String> problems, final List<String> warnings) {
        final Map<String, Integer> counts = new HashMap<>();
        existing.stream().filter(TopicDefinition::coPartitioned).forEach(topic ->
                counts.put(names.of(topic), descriptions.get(names.of(topic)).partitions().size()));
        final Set<Integer> distinct = new LinkedHashSet<>(counts.values());
        if (distinct.size() > 1) {
            problems.add("co-partitioned topics must have the same partition count, but have " + counts
                    + ": a host's facts and commands would reach different tasks");
            return settings.partitions();
        }
        if (distinct.isEmpty()) {
            return settings.partitions();
        }
        final int count = distinct.iterator().next();
        if (count != settings.partitions()) {
            warnings.add("existing co-partitioned topics have " + count + " partitions; keeping that instead of "
                    + TopicSettings.PARTITIONS + "=" + settings.partitions());
        }
        return count;
    }

    private void checkRetention(final TopicDefinition<?> topic, final Config config, final List<String> problems) {
        final String name = names.of(topic);
        final String policy = value(config, TopicConfig.CLEANUP_POLICY_CONFIG);
        switch (topic.retention()) {
            case COMPACTED -> {
                if (policy == null || !policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                    problems.add(name + " must be compacted (cleanup.policy=compact), has cleanup.policy=" + policy);
                }
            }
            case FOREVER -> {
                final String retentionMs = value(config, TopicConfig.RETENTION_MS_CONFIG);
                if (policy == null || !policy.equals(TopicConfig.CLEANUP_POLICY_DELETE) || !"-1".equals(retentionMs)) {
                    problems.add(name + " must keep every record forever (cleanup.policy=delete, retention.ms=-1),"
                            + " has cleanup.policy=" + policy + ", retention.ms=" + retentionMs);
                }
            }
            case TIME_LIMITED -> {
                if (policy != null && policy.contains(TopicConfig.CLEANUP_POLICY_COMPACT)) {
                    problems.add(name + " must not be compacted (its keys repeat with distinct records),"
                            + " has cleanup.policy=" + policy);
                }
            }
        }
    }

    private void checkReplication(final TopicDefinition<?> topic, final TopicDescription description,
                                  final List<String> warnings) {
        final int replicas = description.partitions().get(0).replicas().size();
        if (replicas < settings.replicationFactor()) {
            warnings.add(names.of(topic) + " has replication factor " + replicas + ", less than "
                    + TopicSettings.REPLICATION_FACTOR + "=" + settings.replicationFactor());
        }
    }

    private List<String> create(final List<TopicDefinition<?>> missing, final int partitions) {
        if (missing.isEmpty()) {
            return List.of();
        }
        final int brokers = await(admin.describeCluster().nodes()).size();
        if (brokers < settings.replicationFactor()) {
            throw new IllegalStateException(TopicSettings.REPLICATION_FACTOR + "=" + settings.replicationFactor()
                    + " but the cluster has only " + brokers + " broker(s)");
        }
        final List<String> created = new ArrayList<>();
        final List<String> createdElsewhere = new ArrayList<>();
        for (final TopicDefinition<?> topic : missing) {
            final NewTopic newTopic = new NewTopic(names.of(topic), partitions, settings.replicationFactor())
                    .configs(configFor(topic));
            try {
                await(admin.createTopics(List.of(newTopic)).all());
                created.add(newTopic.name());
            } catch (IllegalStateException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                createdElsewhere.add(newTopic.name());
            }
        }
        awaitLeaders(created);
        if (!createdElsewhere.isEmpty()) {
            throw new CreatedElsewhereException(createdElsewhere, created);
        }
        return created;
    }

    /**
     * Waits until the brokers' metadata shows every partition of {@code topics} with a leader: creation returns when
     * the controller has the topic, and a client started at once (a global store, an idempotent producer) can
     * otherwise find no partitions, or stall on them.
     */
    private void awaitLeaders(final List<String> topics) {
        if (topics.isEmpty()) {
            return;
        }
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                final Map<String, TopicDescription> described = await(admin.describeTopics(topics).allTopicNames());
                if (described.values().stream().allMatch(topic -> !topic.partitions().isEmpty()
                        && topic.partitions().stream().allMatch(partition -> partition.leader() != null))) {
                    return;
                }
            } catch (IllegalStateException notYetKnown) {
                if (!(notYetKnown.getCause() instanceof UnknownTopicOrPartitionException)) {
                    throw notYetKnown;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("created topics " + topics + " have no leader for every partition"
                        + " after " + timeout);
            }
            pause(Duration.ofMillis(50));
        }
    }

    private static void pause(final Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while provisioning topics", e);
        }
    }

    /** Topics that turned out to exist when we tried to create them. */
    private static final class CreatedElsewhereException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final List<String> topics;
        private final List<String> created;

        CreatedElsewhereException(final List<String> topics, final List<String> created) {
            super(null, null, false, false);
            this.topics = List.copyOf(topics);
            this.created = List.copyOf(created);
        }
    }

    /** The topic-level configuration a topic is created with. */
    Map<String, String> configFor(final TopicDefinition<?> topic) {
        final Map<String, String> config = new HashMap<>();
        config.put(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(settings.minInsyncReplicas()));
        switch (topic.retention()) {
            case COMPACTED -> config.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
            case FOREVER -> {
                config.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
                config.put(TopicConfig.RETENTION_MS_CONFIG, "-1");
                config.put(TopicConfig.RETENTION_BYTES_CONFIG, "-1");
            }
            case TIME_LIMITED -> {
                config.put(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE);
                config.put(TopicConfig.RETENTION_MS_CONFIG, Long.toString(settings.retention().toMillis()));
            }
        }
        return config;
    }

    private Map<String, Config> describeConfigs(final List<TopicDefinition<?>> topics) {
        final List<ConfigResource> resources = topics.stream()
                .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, names.of(topic)))
                .toList();
        return await(admin.describeConfigs(resources).all()).entrySet().stream()
                .collect(Collectors.toMap(entry -> entry.getKey().name(), Map.Entry::getValue));
    }

    private static String value(final Config config, final String key) {
        final ConfigEntry entry = config == null ? null : config.get(key);
        return entry == null ? null : entry.value();
    }

    private List<String> namesOf(final Collection<TopicDefinition<?>> topics) {
        return topics.stream().map(names::of).toList();
    }

    private <T> T await(final org.apache.kafka.common.KafkaFuture<T> future) {
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while provisioning topics", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("topic provisioning failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the Kafka cluster did not answer within " + timeout
                    + " while provisioning topics (is bootstrap.servers right?)", e);
        }
    }
}
