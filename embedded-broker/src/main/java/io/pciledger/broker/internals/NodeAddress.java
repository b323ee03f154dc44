package io.pciledger.broker.internals;

/**
 * Where one node of the cluster listens: its client (broker) port and its controller port, both on
 * the loopback address only. A node keeps its address for the life of the cluster, so a node that
 * is restarted comes back where clients and the quorum expect it.
 *
 * @param nodeId         the node's {@code node.id}
 * @param brokerPort     the port of the {@code PLAINTEXT} listener that clients use
 * @param controllerPort the port of the {@code CONTROLLER} listener that the quorum uses
 */
public record NodeAddress(int nodeId, int brokerPort, int controllerPort) {

    /** The only address the embedded cluster binds. */
    public static final String LOOPBACK = "127.0.0.1";

    /** The {@code host:port} that clients bootstrap from. */
    public String brokerEndpoint() {
        return LOOPBACK + ":" + brokerPort;
    }

    /** This node's entry in {@code controller.quorum.voters}: {@code id@host:port}. */
    public String quorumVoter() {
        return nodeId + "@" + LOOPBACK + ":" + controllerPort;
    }
}
