package io.pciledger.ledger.run;

import io.pciledger.ledger.config.LedgerConfig;
import io.pciledger.ledger.topology.LedgerStreams;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance of the ledger in this process, from start to close: what {@code pci-ledger ledger} runs and what a
 * service embeds. It starts the Kafka Streams client of a {@link LedgerConfig}, logs and reports its state
 * changes, stops the whole client when a stream thread dies (keeping the cause), and closes leaving the consumer
 * group, so that the instance replacing it gets the tasks at once instead of after the session timeout.
 *
 * <pre>{@code
 * try (LedgerRunner ledger = new LedgerRunner(config)) {
 *     ledger.start();
 *     ledger.awaitRunning(Duration.ofMinutes(2));
 *     ledger.whenFailed().thenAccept(cause -> markUnhealthy(cause));
 *     ...
 * }
 * }</pre>
 *
 * <p>Why a dead thread stops the client rather than being replaced: the ledger refuses only what would be a bug or
 * an operator's choice to fail fast (a record that cannot be decoded, with the fail handler); a new thread would
 * meet the same record again. The cause is in {@link #failure()}; restarting is the supervisor's decision.
 */
public final class LedgerRunner implements AutoCloseable {

    /** How long {@link #close()} waits for the client to commit, leave the group and close its stores. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(60);

    private static final Logger LOG = LoggerFactory.getLogger(LedgerRunner.class);

    private final KafkaStreams streams;
    private final List<KafkaStreams.StateListener> listeners = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Throwable> failure = new CompletableFuture<>();
    private final Object stateChanged = new Object();

    /** A ledger instance of {@code config}, not started yet. */
    public LedgerRunner(final LedgerConfig config) {
        this.streams = LedgerStreams.create(config);
        streams.setStateListener(this::onStateChange);
        streams.setUncaughtExceptionHandler(this::onStreamThreadDeath);
    }

    /**
     * Also tells {@code listener} of every state change, on the Kafka Streams thread that made it: it must return
     * quickly and must not close the ledger.
     */
    public void addStateListener(final KafkaStreams.StateListener listener) {
        listeners.add(listener);
    }

    /**
     * Starts processing: joins the group, restores the stores, then runs until closed or failed.
     *
     * @throws IllegalStateException when started before
     */
    public void start() {
        LOG.info("starting the ledger");
        streams.start();
    }

    /**
     * Waits until the ledger processes records: every task assigned to this instance restored and running.
     *
     * @return {@code true} once running, {@code false} when {@code timeout} passed first (still starting,
     *         rebalancing or restoring; it goes on trying)
     * @throws LedgerFailedException when the ledger failed before it ran
     * @throws IllegalStateException when the ledger was closed before it ran
     */
    public boolean awaitRunning(final Duration timeout) throws InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (stateChanged) {
            while (true) {
                final Optional<Throwable> cause = failure();
                if (cause.isPresent()) {
                    throw new LedgerFailedException(cause.get());
                }
                final State state = streams.state();
                if (state == State.RUNNING) {
                    return true;
                }
                if (state == State.PENDING_SHUTDOWN || state == State.NOT_RUNNING) {
                    throw new IllegalStateException("the ledger was closed before it ran (state " + state + ")");
                }
                final long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(stateChanged, left);
            }
        }
    }

    /** The Kafka Streams state now, e.g. {@code REBALANCING}, {@code RUNNING}, {@code ERROR}. */
    public State state() {
        return streams.state();
    }

    /** Why the ledger stopped on its own, if it did: the exception that killed a stream thread. */
    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure.getNow(null));
    }

    /** Completes with the cause when the ledger fails; never when it is closed normally. */
    public CompletionStage<Throwable> whenFailed() {
        return failure.minimalCompletionStage();
    }

    /** The Kafka Streams client, for interactive queries of the stores and for metrics. Do not close it. */
    public KafkaStreams streams() {
        return streams;
    }

    /**
     * Closes the ledger: commits what was processed, leaves the consumer group, closes the stores. Call it from
     * the thread that owns the ledger, never from a state listener (which runs on a thread close waits for).
     *
     * @return {@code true} when closed within {@code timeout}
     */
    public boolean close(final Duration timeout) {
        LOG.info("closing the ledger, leaving its consumer group");
        final boolean closed = streams.close(CloseOptions
                .groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(timeout));
        if (!closed) {
            LOG.warn("the ledger did not close within {}; its threads may still be stopping", timeout);
        }
        return closed;
    }

    /** {@link #close(Duration)} with {@link #DEFAULT_CLOSE_TIMEOUT}. */
    @Override
    public void close() {
        close(DEFAULT_CLOSE_TIMEOUT);
    }

    private void onStateChange(final State newState, final State oldState) {
        if (newState == State.ERROR) {
            LOG.error("ledger {} -> {}", oldState, newState);
            failure.complete(new IllegalStateException("the ledger's Kafka Streams client went from " + oldState
                    + " to ERROR"));
        } else {
            LOG.info("ledger {} -> {}", oldState, newState);
        }
        listeners.forEach(listener -> listener.onChange(newState, oldState));
        synchronized (stateChanged) {
            stateChanged.notifyAll();
        }
    }

    private StreamThreadExceptionResponse onStreamThreadDeath(final Throwable exception) {
        LOG.error("a ledger stream thread died; stopping this ledger instance", exception);
        failure.complete(exception);
        synchronized (stateChanged) {
            stateChanged.notifyAll();
        }
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
}
