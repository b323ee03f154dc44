package io.pciledger.testkit;

/**
 * Failure drills on the brokers of a {@link KafkaCluster}. Brokers are numbered from 0; every method
 * returns once the change is done: a killed or stopped broker's process is gone, a started broker is
 * live in the cluster again.
 */
public interface NodeControl {

    /**
     * Kills a broker with SIGKILL, as a crash would.
     *
     * @param nodeId the broker, from 0
     */
    void killNode(int nodeId);

    /**
     * Stops a broker gracefully with SIGTERM (Kafka's controlled shutdown).
     *
     * @param nodeId the broker, from 0
     */
    void stopNode(int nodeId);

    /**
     * Starts a killed or stopped broker again with its ports and data, and waits until it has rejoined.
     *
     * @param nodeId the broker, from 0
     */
    void startNode(int nodeId);

    /**
     * Whether a broker's process is running.
     *
     * @param nodeId the broker, from 0
     * @return true while it runs
     */
    boolean isRunning(int nodeId);
}
