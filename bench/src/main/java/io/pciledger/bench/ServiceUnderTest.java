package io.pciledger.bench;

import io.pciledger.ledger.config.LedgerConfig;
import io.pciledger.query.QueryService;
import io.pciledger.query.auth.TokenHash;
import io.pciledger.query.config.QueryServiceConfig;
import io.pciledger.schemas.topic.TopicDefinition;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.TopicProvisioner;
import io.pciledger.schemas.topic.TopicSettings;
import io.pciledger.schemas.topic.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One query service instance (with the ledger it embeds) for an HTTP benchmark, in this JVM, on loopback: fresh
 * topics under a unique prefix (so runs never see each other's records), one tenant token, state in scratch space
 * ({@code /dev/shm} where it exists). {@link #prepare} creates the topics, so a scenario can seed them before
 * {@link #start}; {@link #close} stops the service and deletes the run's topics and scratch space.
 */
final class ServiceUnderTest implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceUnderTest.class);
    static final String TENANT = "bench";

    private final BenchKafka kafka;
    private final String run;
    private final TopicNames names;
    private final Path scratch;
    private final String token = UUID.randomUUID().toString();
    private QueryService service;

    private ServiceUnderTest(final BenchKafka kafka, final String run, final Path scratch) {
        this.kafka = kafka;
        this.run = run;
        this.names = TopicNames.withPrefix(run + ".");
        this.scratch = scratch;
    }

    /** Creates the run's topics ({@code partitions} each; co-partitioned as the ledger needs). */
    static ServiceUnderTest prepare(final BenchKafka kafka, final String scenario, final int partitions)
            throws Exception {
        final String run = "bench-" + scenario + "-" + System.currentTimeMillis();
        final ServiceUnderTest service = new ServiceUnderTest(kafka, run, ScratchSpace.create(scenario));
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            new TopicProvisioner(admin, service.names, TopicSettings.forReplicationFactor(partitions, 1))
                    .ensureTopics();
        }
        service.awaitTopicsKnown();
        return service;
    }

    /**
     * Waits until clients see every topic of the run with its partitions. A Kafka Streams global store started on a
     * topic its broker does not know yet fails at once ("no partitions available"), which a broker of a
     * multi-node cluster may say for a moment after the topics were created.
     */
    private void awaitTopicsKnown() throws InterruptedException {
        final Properties settings = new Properties();
        settings.putAll(kafka.clientProperties());
        final long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            for (final TopicDefinition<?> topic : Topics.all()) {
                while (consumer.partitionsFor(names.of(topic)).isEmpty()) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("topic " + names.of(topic) + " has no partitions a client "
                                + "can see 60 s after it was created");
                    }
                    Thread.sleep(100);
                }
            }
        }
    }

    /**
     * Starts the service and waits until it is ready.
     *
     * @param commitIntervalMs the ledger's commit interval, or null for its default
     * @param httpThreads      the HTTP server's threads, or null for the service's default
     */
    ServiceUnderTest start(final Long commitIntervalMs, final Integer httpThreads) throws Exception {
        final Path tokens = scratch.resolve("tokens.json");
        Files.writeString(tokens, "{\"tokens\": [{\"sha256\": \"" + TokenHash.of(token) + "\", \"tenant\": \""
                + TENANT + "\", \"role\": \"tenant\"}]}");
        final Map<String, Object> settings = new HashMap<>();
        settings.put(LedgerConfig.BOOTSTRAP_SERVERS, kafka.clientProperties().get("bootstrap.servers"));
        settings.put(LedgerConfig.APPLICATION_ID, run);
        settings.put(LedgerConfig.TOPIC_PREFIX, names.prefix());
        settings.put(LedgerConfig.STATE_DIR, Files.createDirectories(scratch.resolve("state")).toString());
        // The benchmark's agents are silent once they have reported: their hosts must not turn stale meanwhile.
        settings.put(LedgerConfig.STALE_AFTER_MS, String.valueOf(Duration.ofDays(1).toMillis()));
        if (commitIntervalMs != null) {
            settings.put(LedgerConfig.COMMIT_INTERVAL_MS, commitIntervalMs.toString());
        }
        settings.put(QueryServiceConfig.HTTP_HOST, "127.0.0.1");
        settings.put(QueryServiceConfig.HTTP_PORT, "0");
        settings.put(QueryServiceConfig.TOKENS_FILE, tokens.toString());
        if (httpThreads != null) {
            settings.put(QueryServiceConfig.HTTP_THREADS, httpThreads.toString());
        }
        service = QueryService.start(new QueryServiceConfig(settings), Clock.systemUTC());
        if (!service.awaitReady(Duration.ofMinutes(3))) {
            throw new IllegalStateException("the query service did not become ready: " + service.readiness());
        }
        return this;
    }

    /** The embedded ledger's application id (its consumer group, the prefix of its changelogs). */
    String applicationId() {
        return run;
    }

    TopicNames names() {
        return names;
    }

    Map<String, Object> clientProperties() {
        return kafka.clientProperties();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + service.port();
    }

    /** The tenant's bearer token. */
    String token() {
        return token;
    }

    @Override
    public void close() {
        if (service != null) {
            service.close();
        }
        try (Admin admin = Admin.create(kafka.clientProperties())) {
            final Set<String> ours = admin.listTopics().names().get().stream()
                    .filter(topic -> topic.startsWith(run))
                    .collect(Collectors.toSet());
            admin.deleteTopics(ours).all().get();
            admin.deleteConsumerGroups(Set.of(run)).all().get();
        } catch (final Exception failure) {
            LOG.warn("Could not delete the topics or group of {}: {}", run, failure.getMessage());
        }
        DeleteTree.quietly(scratch);
    }
}
