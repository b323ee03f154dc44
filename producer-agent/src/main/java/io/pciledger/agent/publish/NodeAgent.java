package io.pciledger.agent.publish;

import io.pciledger.schemas.common.Device;
import io.pciledger.schemas.inventory.AgentHeartbeat;
import io.pciledger.schemas.inventory.HostSnapshot;
import io.pciledger.schemas.inventory.InventoryFact;
import io.pciledger.schemas.inventory.SnapshotReason;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publishing side of one host's node agent. Each {@link #rescan()} looks at the host and
 * reports to the ledger:
 *
 * <ul>
 *   <li>a full {@link HostSnapshot} on the first rescan, every {@code snapshotEvery} rescans, and
 *       after any rescan whose facts were not all acknowledged (the broker was unreachable: the
 *       snapshot heals whatever was lost);</li>
 *   <li>otherwise only the {@link InventoryDiff differences} since the last acknowledged state;</li>
 *   <li>a heartbeat every time, so the ledger knows the host is alive.</li>
 * </ul>
 *
 * <p>A device whose entry could not be read this time is reported as it was last published, never
 * as removed (see {@link ScannedInventory}).
 *
 * <p>Not thread-safe: one host's rescans run one at a time.
 */
public final class NodeAgent {

    private static final Logger LOG = LoggerFactory.getLogger(NodeAgent.class);

    private final String host;
    private final InventorySource source;
    private final FactSink sink;
    private final int snapshotEvery;
    private final Clock clock;
    private final String agentVersion;

    private Map<String, Device> published = Map.of();
    private SnapshotReason pendingSnapshot = SnapshotReason.STARTUP;
    private long rescans;

    public NodeAgent(final String host, final InventorySource source, final FactSink sink, final int snapshotEvery,
                     final Clock clock, final String agentVersion) {
        if (snapshotEvery < 1) {
            throw new IllegalArgumentException("snapshotEvery must be at least 1, was " + snapshotEvery);
        }
        this.host = host;
        this.source = source;
        this.sink = sink;
        this.snapshotEvery = snapshotEvery;
        this.clock = clock;
        this.agentVersion = agentVersion;
    }

    /** What one rescan did. */
    public record Outcome(boolean scanned, boolean snapshot, int changes, boolean delivered) {
    }

    /** Looks at the host once and publishes what changed; never throws for a failed scan or send. */
    public Outcome rescan() {
        rescans++;
        final ScannedInventory scanned;
        try {
            scanned = source.scan();
        } catch (RuntimeException e) {
            LOG.warn("host {}: scan failed, keeping the last published inventory: {}", host, e.toString());
            send(new AgentHeartbeat(published.size()));
            return new Outcome(false, false, 0, sink.flush());
        }
        final Map<String, Device> current = byAddress(scanned.devices());
        scanned.unreadableAddresses().forEach(address -> {
            if (published.containsKey(address)) {
                current.putIfAbsent(address, published.get(address));
            }
        });
        if (pendingSnapshot == null && rescans % snapshotEvery == 0) {
            pendingSnapshot = SnapshotReason.PERIODIC;
        }

        final boolean snapshot = pendingSnapshot != null;
        final int changes;
        if (snapshot) {
            send(new HostSnapshot(List.copyOf(current.values()), pendingSnapshot));
            changes = current.size();
        } else {
            final List<Object> diff = InventoryDiff.between(published, current);
            diff.forEach(this::send);
            changes = diff.size();
        }
        send(new AgentHeartbeat(current.size()));

        final boolean delivered = sink.flush();
        if (delivered) {
            published = current;
            pendingSnapshot = null;
        } else {
            LOG.warn("host {}: not every fact was acknowledged; the next rescan sends a full snapshot", host);
            pendingSnapshot = SnapshotReason.RECONNECT;
        }
        return new Outcome(true, snapshot, changes, delivered);
    }

    /** Makes the next rescan send a full snapshot, e.g. because the device spec changed. */
    public void requestSnapshot(final SnapshotReason reason) {
        pendingSnapshot = reason;
    }

    public String host() {
        return host;
    }

    private void send(final Object payload) {
        sink.send(InventoryFact.newBuilder()
                .setFactId(UUID.randomUUID().toString())
                .setHost(host)
                .setAgentTime(clock.instant())
                .setAgentVersion(agentVersion)
                .setPayload(payload)
                .build());
    }

    private static Map<String, Device> byAddress(final List<Device> devices) {
        final Map<String, Device> map = new TreeMap<>();
        devices.forEach(device -> map.put(device.getAddress(), device));
        return map;
    }
}
