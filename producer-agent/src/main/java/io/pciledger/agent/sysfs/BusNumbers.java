package io.pciledger.agent.sysfs;

import java.util.Locale;

/**
 * Hands out PCI bus numbers on a fake host the way a multi-socket server's firmware does: the
 * 256 buses of domain 0000 are split evenly between the NUMA nodes, each node's share starts with the
 * root bus of its host bridge (e.g. {@code pci0000:00} and {@code pci0000:80} on two nodes), and
 * each card gets the next free buses of its node's share.
 */
final class BusNumbers {

    private static final int BUSES = 256;

    private final String hostName;
    private final int busesPerNode;
    private final int[] nextFree;

    /**
     * @param nodeCount how many NUMA nodes have devices, 1 to 8
     */
    BusNumbers(final String hostName, final int nodeCount) {
        this.hostName = hostName;
        this.busesPerNode = BUSES / Integer.highestOneBit(Math.max(1, nodeCount * 2 - 1));
        this.nextFree = new int[nodeCount];
        for (int node = 0; node < nodeCount; node++) {
            nextFree[node] = rootBus(node) + 1;
        }
    }

    /** The root bus of a node's host bridge; the node's chipset devices live on it. */
    int rootBus(final int node) {
        return node * busesPerNode;
    }

    /**
     * Reserves consecutive buses behind a node's host bridge.
     *
     * @return the first of them
     * @throws IllegalStateException naming the host and node when its share of buses is used up
     */
    int reserve(final int node, final int count) {
        final int first = nextFree[node];
        final int end = rootBus(node) + busesPerNode;
        if (first + count > end) {
            throw new IllegalStateException(String.format(Locale.ROOT,
                    "host %s: NUMA node %d has run out of PCI buses (%02x..%02x) for %d more; put fewer or smaller"
                            + " cards on it", hostName, node, rootBus(node) + 1, end - 1, count));
        }
        nextFree[node] = first + count;
        return first;
    }
}
