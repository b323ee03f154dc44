package io.pciledger.broker.internals;

import io.pciledger.broker.KafkaNodeStartupException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * One running child JVM of the cluster, a broker node or the storage tool formatting a node: how to
 * stop it, kill it and explain its failure.
 */
public final class NodeProcess {

    private final int nodeId;
    private final Process process;
    private final Path outputLog;

    /**
     * Wraps a started child JVM.
     *
     * @param nodeId    the node the process belongs to
     * @param process   the child JVM
     * @param outputLog the file the child writes its output to
     */
    public NodeProcess(final int nodeId, final Process process, final Path outputLog) {
        this.nodeId = nodeId;
        this.process = process;
        this.outputLog = outputLog;
    }

    /** The node this process belongs to. */
    public int nodeId() {
        return nodeId;
    }

    /** Whether the child JVM is still running. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** The child's exit code, or empty while it runs. */
    public OptionalInt exitCode() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /**
     * Waits for the child to exit by itself.
     *
     * @param timeout how long to wait
     * @return whether it exited within the timeout
     */
    public boolean awaitExit(final Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (final InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the JVM of Kafka node " + nodeId + " to exit", e);
        }
    }

    /** Sends SIGTERM and returns at once, so that several nodes can shut down side by side. */
    public void requestStop() {
        process.destroy();
    }

    /**
     * Stops the child gracefully with SIGTERM, and with SIGKILL if it has not exited within the grace period.
     *
     * @param gracePeriod how long a graceful shutdown may take
     */
    public void stop(final Duration gracePeriod) {
        requestStop();
        if (!awaitExit(gracePeriod)) {
            kill();
        }
    }

    /** Kills the child with SIGKILL, as a crash would, and waits until it is gone. */
    public void kill() {
        process.destroyForcibly();
        awaitExit(Duration.ofDays(1));
    }

    /**
     * Explains a failure of this node, with its exit code and the last lines of its log.
     *
     * @param whatFailed what went wrong, as the start of a sentence: "Kafka node 1 did not start"
     * @return the exception to throw
     */
    public KafkaNodeStartupException failure(final String whatFailed) {
        final OptionalInt exitCode = exitCode();
        final String state = exitCode.isPresent()
                ? "its JVM exited with code " + exitCode.getAsInt()
                : "its JVM is still running";
        final List<String> tail = LogTail.of(outputLog, LogTail.LINES);
        final String message = whatFailed + ": " + state + ". Last lines of " + outputLog + ":"
                + System.lineSeparator() + String.join(System.lineSeparator(), tail);
        return new KafkaNodeStartupException(message, nodeId, exitCode, tail);
    }
}
