package io.pciledger.ledger.domain;

import java.util.OptionalInt;

/**
 * A request item's NUMA wish, and which devices it admits, as Nova's PCI NUMA affinity policies do:
 *
 * <ul>
 *   <li>no node wished: any device, all equally good;</li>
 *   <li>{@code required}: only devices on the node. A device with no NUMA information is refused;</li>
 *   <li>{@code legacy} (Nova's default, and what a node without a policy means): devices on the node, or else
 *       devices with no NUMA information; a device on another node is refused;</li>
 *   <li>{@code preferred}: devices on the node, else devices with no NUMA information, else any device;</li>
 *   <li>{@code socket}: treated as {@code preferred}. Nova admits devices on the same socket as the node, but
 *       the ledger does not know which nodes share a socket, so it prefers the node and otherwise takes what
 *       there is.</li>
 * </ul>
 *
 * <p>A policy without a node is ignored (Nova ignores the policy of an instance without a NUMA topology).
 *
 * @param node   the wished node, or null for no wish
 * @param policy the policy of the wish, null when there is no wish
 */
public record NumaAffinity(Integer node, NumaPolicy policy) {

    private static final NumaAffinity NONE = new NumaAffinity(null, null);

    /** The wish of {@code item}, with Nova's default policy ({@code legacy}) when it names only a node. */
    public static NumaAffinity of(final RequestItem item) {
        if (item.numaNode() == null) {
            return NONE;
        }
        return new NumaAffinity(item.numaNode(), item.numaPolicy() == null ? NumaPolicy.LEGACY : item.numaPolicy());
    }

    /**
     * How well a device on {@code deviceNode} (null: unknown) fits: 0 best (on the node, or no wish), 1 without
     * NUMA information, 2 on another node; empty when the policy refuses it.
     */
    public OptionalInt rank(final Integer deviceNode) {
        if (node == null || node.equals(deviceNode)) {
            return OptionalInt.of(0);
        }
        return switch (policy) {
            case REQUIRED, UNKNOWN -> OptionalInt.empty();
            case LEGACY -> deviceNode == null ? OptionalInt.of(1) : OptionalInt.empty();
            case PREFERRED, SOCKET -> OptionalInt.of(deviceNode == null ? 1 : 2);
        };
    }

    /** How few devices the wish admits, for choosing stricter items first: 0 strictest, 3 no wish. */
    int strictness() {
        if (node == null) {
            return 3;
        }
        return switch (policy) {
            case REQUIRED, UNKNOWN -> 0;
            case LEGACY -> 1;
            case PREFERRED, SOCKET -> 2;
        };
    }

    /** The restriction in words for a message, e.g. {@code " on NUMA node 0"}; empty when nothing is refused. */
    String restriction() {
        return switch (strictness()) {
            case 0 -> " on NUMA node " + node;
            case 1 -> " on NUMA node " + node + " or with no NUMA node";
            default -> "";
        };
    }
}
