package io.pciledger.broker;

import java.util.List;
import java.util.OptionalInt;

/**
 * A node of an {@link EmbeddedKafkaCluster} could not be formatted or did not join the cluster in
 * time. The message names the node, says whether its JVM exited and with which code, and ends with
 * the last lines the node wrote to its log, which usually say why.
 */
public final class KafkaNodeStartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int nodeId;
    private final OptionalInt exitCode;
    private final List<String> logTail;

    /**
     * Creates the exception.
     *
     * @param message  the whole explanation, log tail included
     * @param nodeId   the node that failed
     * @param exitCode the exit code of the node's JVM, empty if it was still running
     * @param logTail  the last lines of the node's log
     */
    public KafkaNodeStartupException(final String message, final int nodeId, final OptionalInt exitCode,
                                     final List<String> logTail) {
        super(message);
        this.nodeId = nodeId;
        this.exitCode = exitCode;
        this.logTail = List.copyOf(logTail);
    }

    /** The id of the node that failed. */
    public int nodeId() {
        return nodeId;
    }

    /** The exit code of the node's JVM, or empty if the JVM was still running (a timeout). */
    public OptionalInt exitCode() {
        return exitCode;
    }

    /** The last lines of the node's log, oldest first. */
    public List<String> logTail() {
        return logTail;
    }
}
