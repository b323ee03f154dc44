package io.pciledger.broker.internals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Gives every node of a cluster its ports: the fixed ones the caller asked for, and free ports on
 * the loopback address for the rest.
 *
 * <p>All free ports are picked while every probe socket is still open, so no two nodes get the same
 * port. Another process may still take a port between this pick and the broker's bind; the broker
 * then fails to start with "Address already in use" in its log.
 */
public final class LoopbackPorts {

    private LoopbackPorts() {
    }

    /**
     * Assigns the ports of every node.
     *
     * @param settings the cluster's node count and fixed ports
     * @return one address per node, in node id order
     */
    public static List<NodeAddress> assign(final ClusterSettings settings) {
        final List<ServerSocket> probes = new ArrayList<>();
        try {
            final List<NodeAddress> addresses = new ArrayList<>();
            for (int nodeId = 0; nodeId < settings.nodes(); nodeId++) {
                final int brokerPort = fixedOrFree(settings.brokerPorts(), nodeId, probes);
                final int controllerPort = fixedOrFree(settings.controllerPorts(), nodeId, probes);
                addresses.add(new NodeAddress(nodeId, brokerPort, controllerPort));
            }
            return List.copyOf(addresses);
        } finally {
            probes.forEach(LoopbackPorts::closeQuietly);
        }
    }

    private static int fixedOrFree(final Map<Integer, Integer> fixedPorts, final int nodeId,
                                   final List<ServerSocket> probes) {
        final int fixed = fixedPorts.getOrDefault(nodeId, 0);
        if (fixed != 0) {
            return fixed;
        }
        try {
            final ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(NodeAddress.LOOPBACK));
            probes.add(probe);
            return probe.getLocalPort();
        } catch (final IOException e) {
            throw new UncheckedIOException("Could not find a free port on " + NodeAddress.LOOPBACK, e);
        }
    }

    private static void closeQuietly(final ServerSocket probe) {
        try {
            probe.close();
        } catch (final IOException ignored) {
            // The port is released either way when the socket is collected.
        }
    }
}
