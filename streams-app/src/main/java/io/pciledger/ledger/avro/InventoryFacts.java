package io.pciledger.ledger.avro;

import io.pciledger.ledger.domain.InventoryFact;
import io.pciledger.ledger.domain.InventoryFact.AgentHeartbeat;
import io.pciledger.ledger.domain.InventoryFact.DeviceDiscovered;
import io.pciledger.ledger.domain.InventoryFact.DeviceVanished;
import io.pciledger.ledger.domain.InventoryFact.HostSnapshot;
import io.pciledger.schemas.inventory.SnapshotReason;
import java.time.Instant;

/**
 * Topic {@code pci.inventory}: the Avro {@code InventoryFact} envelope and the domain's {@link InventoryFact}.
 * The envelope's fact id, host and agent time are not part of the domain fact: the processor takes them from the
 * envelope as the cause. A snapshot's reason is for operators and is not kept by the domain.
 */
public final class InventoryFacts {

    private InventoryFacts() {
    }

    /** The domain fact of {@code fact}'s payload. */
    public static InventoryFact toDomain(final io.pciledger.schemas.inventory.InventoryFact fact) {
        final Object payload = fact.getPayload();
        if (payload instanceof io.pciledger.schemas.inventory.DeviceDiscovered discovered) {
            return new DeviceDiscovered(CommonRecords.toDomain(discovered.getDevice()));
        } else if (payload instanceof io.pciledger.schemas.inventory.DeviceVanished vanished) {
            return new DeviceVanished(vanished.getAddress());
        } else if (payload instanceof io.pciledger.schemas.inventory.HostSnapshot snapshot) {
            return new HostSnapshot(snapshot.getDevices().stream().map(CommonRecords::toDomain).toList());
        } else if (payload instanceof io.pciledger.schemas.inventory.AgentHeartbeat heartbeat) {
            return new AgentHeartbeat(heartbeat.getDeviceCount());
        }
        throw new IllegalArgumentException("fact " + fact.getFactId() + " of host " + fact.getHost()
                + " has an unknown payload: " + payload);
    }

    /** The envelope of {@code fact}, as agent {@code host} would publish it. */
    public static io.pciledger.schemas.inventory.InventoryFact toAvro(final String factId, final String host,
            final Instant agentTime, final InventoryFact fact) {
        return new io.pciledger.schemas.inventory.InventoryFact(factId, host, agentTime, null, payload(fact));
    }

    private static Object payload(final InventoryFact fact) {
        if (fact instanceof DeviceDiscovered discovered) {
            return new io.pciledger.schemas.inventory.DeviceDiscovered(CommonRecords.toAvro(discovered.device()));
        } else if (fact instanceof DeviceVanished vanished) {
            return new io.pciledger.schemas.inventory.DeviceVanished(vanished.address());
        } else if (fact instanceof HostSnapshot snapshot) {
            return new io.pciledger.schemas.inventory.HostSnapshot(
                    snapshot.devices().stream().map(CommonRecords::toAvro).toList(), SnapshotReason.UNKNOWN);
        } else if (fact instanceof AgentHeartbeat heartbeat) {
            return new io.pciledger.schemas.inventory.AgentHeartbeat(heartbeat.deviceCount());
        }
        throw new IllegalArgumentException("unknown inventory fact " + fact);
    }
}
