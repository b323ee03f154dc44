package io.pciledger.bench;

import io.pciledger.ledger.config.LedgerConfig;
import io.pciledger.ledger.topology.LedgerStreams;
import io.pciledger.schemas.topic.TopicNames;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;

/**
 * A Kafka Streams application of one benchmark run, usually the ledger as {@code LedgerStreams} makes it
 * ({@code exactly_once_v2}): a fresh application id over topics of its own, state on scratch space. Knows when it
 * started and when it first was {@code RUNNING}, and fails loudly instead of letting a benchmark wait for an
 * application that died.
 */
final class BenchStreams implements AutoCloseable {

    /**
     * The benchmarks' agents go silent once they have reported, so hosts must not turn stale while a run lasts;
     * the liveness check itself still runs at its default interval.
     */
    static final Duration STALE_AFTER = Duration.ofDays(1);

    private final KafkaStreams streams;
    private final String applicationId;
    private final long startedNanos;
    private final AtomicReference<Long> runningNanos = new AtomicReference<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    private BenchStreams(final KafkaStreams streams, final String applicationId) {
        this.streams = streams;
        this.applicationId = applicationId;
        streams.setStateListener((newState, oldState) -> {
            if (newState == KafkaStreams.State.RUNNING) {
                runningNanos.compareAndSet(null, System.nanoTime());
            }
        });
        streams.setUncaughtExceptionHandler(exception -> {
            failure.compareAndSet(null, exception);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        this.startedNanos = System.nanoTime();
        streams.start();
    }

    /**
     * Starts a ledger over the topics of {@code names}.
     *
     * @param settings further {@link LedgerConfig} keys, e.g. {@code ledger.commit.interval.ms}
     */
    static BenchStreams ledger(final String bootstrapServers, final TopicNames names, final String applicationId,
            final Path stateDir, final Map<String, Object> settings) {
        final Map<String, Object> config = new HashMap<>(settings);
        config.put(LedgerConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        config.put(LedgerConfig.APPLICATION_ID, applicationId);
        config.put(LedgerConfig.TOPIC_PREFIX, names.prefix());
        config.put(LedgerConfig.STATE_DIR, stateDir.toString());
        config.putIfAbsent(LedgerConfig.STALE_AFTER_MS, STALE_AFTER.toMillis());
        return new BenchStreams(LedgerStreams.create(new LedgerConfig(config)), applicationId);
    }

    /** Starts {@code topology} with {@code properties} (which name its application id). */
    static BenchStreams start(final Topology topology, final Properties properties) {
        return new BenchStreams(new KafkaStreams(topology, properties),
                properties.getProperty(StreamsConfig.APPLICATION_ID_CONFIG));
    }

    String applicationId() {
        return applicationId;
    }

    /** {@link System#nanoTime()} when it started. */
    long startedNanos() {
        return startedNanos;
    }

    /**
     * Waits until the application is first {@code RUNNING}.
     *
     * @return {@link System#nanoTime()} of that moment
     * @throws IllegalStateException when it died or did not get there within {@code timeout}
     */
    long awaitRunning(final Duration timeout) throws InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        while (runningNanos.get() == null) {
            checkAlive();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("application " + applicationId + " was not RUNNING within " + timeout
                        + " (state " + streams.state() + ")");
            }
            Thread.sleep(5);
        }
        return runningNanos.get();
    }

    /** @throws IllegalStateException when the application has stopped, with what stopped it */
    void checkAlive() {
        final KafkaStreams.State state = streams.state();
        if (failure.get() != null || state == KafkaStreams.State.ERROR
                || state == KafkaStreams.State.PENDING_ERROR || state == KafkaStreams.State.NOT_RUNNING) {
            throw new IllegalStateException("application " + applicationId + " stopped (state " + state + ")",
                    failure.get());
        }
    }

    /** Where the stream threads have spent their time since it started. */
    LedgerTimeSpent timeSpent() {
        return LedgerTimeSpent.of(streams, applicationId);
    }

    /** Closes the application leaving its group, as an operator's restart would. */
    @Override
    public void close() {
        final boolean closed = streams.close(CloseOptions.groupMembershipOperation(
                CloseOptions.GroupMembershipOperation.LEAVE_GROUP).withTimeout(Duration.ofSeconds(60)));
        if (!closed) {
            System.err.println("application " + applicationId + " did not close within 60 s");
        }
    }
}
