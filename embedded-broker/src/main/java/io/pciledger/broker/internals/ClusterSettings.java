package io.pciledger.broker.internals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * What a caller asked of an embedded cluster, validated by its builder and fixed from then on.
 *
 * @param nodes            how many combined broker-and-controller nodes, numbered from 0
 * @param dataDir          where the nodes keep their data; empty for a temporary directory
 * @param brokerPorts      fixed client ports by node id; a node not listed gets a free port
 * @param controllerPorts  fixed controller ports by node id; a node not listed gets a free port
 * @param heap             the maximum heap of each node's JVM, in {@code -Xmx} form such as {@code 512m}
 * @param brokerProperties extra {@code server.properties} entries, applied over the defaults
 * @param startupTimeout   how long a start may take before it fails
 */
public record ClusterSettings(
        int nodes,
        Optional<Path> dataDir,
        Map<Integer, Integer> brokerPorts,
        Map<Integer, Integer> controllerPorts,
        String heap,
        Map<String, String> brokerProperties,
        Duration startupTimeout) {

    /** Copies the maps so that the settings cannot change after validation. */
    public ClusterSettings {
        brokerPorts = Map.copyOf(brokerPorts);
        controllerPorts = Map.copyOf(controllerPorts);
        brokerProperties = Map.copyOf(brokerProperties);
    }
}
