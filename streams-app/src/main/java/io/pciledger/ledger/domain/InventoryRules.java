package io.pciledger.ledger.domain;

import io.pciledger.ledger.domain.InventoryFact.AgentHeartbeat;
import io.pciledger.ledger.domain.InventoryFact.DeviceDiscovered;
import io.pciledger.ledger.domain.InventoryFact.DeviceVanished;
import io.pciledger.ledger.domain.InventoryFact.HostSnapshot;
import io.pciledger.ledger.domain.LedgerEvent.DeviceAdded;
import io.pciledger.ledger.domain.LedgerEvent.DeviceLost;
import io.pciledger.ledger.domain.LedgerEvent.DeviceRemoved;
import io.pciledger.ledger.domain.LedgerEvent.DeviceUpdated;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Turns what a node agent reports into what the ledger records. A host the ledger does not know starts empty;
 * its first facts create it.
 *
 * <ul>
 *   <li>a device discovered that the ledger does not hold: {@code DeviceAdded}; one it holds as lost: it is
 *       back, {@code DeviceAdded}, and rejoins its claim;</li>
 *   <li>a device discovered with other attributes than the ledger holds: {@code DeviceUpdated} (a free device
 *       whose group changed moves to the new group; a claimed one keeps its claim); the same again: nothing;</li>
 *   <li>a device vanished: {@code DeviceRemoved} if free, {@code DeviceLost} if claimed (the claim is flagged and
 *       the device is not reused until the claim ends); unknown or already lost: nothing;</li>
 *   <li>a snapshot: the difference to the ledger, as the facts above: first what vanished, then what was
 *       discovered, each by address (a snapshot listing an address twice counts its last entry);</li>
 *   <li>a heartbeat: nothing but liveness.</li>
 * </ul>
 * Every fact first lets a stale host return ({@link LivenessRule#onReport}).
 */
public final class InventoryRules {

    private InventoryRules() {
    }

    /** What {@code fact} means for the host of {@code ledger}. */
    public static Decision decide(final HostLedger ledger, final InventoryFact fact) {
        return LivenessRule.onReport(ledger).followedBy(news(ledger, fact));
    }

    private static Decision news(final HostLedger ledger, final InventoryFact fact) {
        if (fact instanceof DeviceDiscovered discovered) {
            return discovered(ledger, discovered.device()).map(Decision::of).orElse(Decision.none());
        }
        if (fact instanceof DeviceVanished vanished) {
            return vanished(ledger, vanished.address()).map(Decision::of).orElse(Decision.none());
        }
        if (fact instanceof HostSnapshot snapshot) {
            return snapshot(ledger, snapshot.devices());
        }
        if (fact instanceof AgentHeartbeat) {
            return Decision.none();
        }
        throw new IllegalArgumentException("unknown inventory fact " + fact);
    }

    private static Optional<LedgerEvent> discovered(final HostLedger ledger, final Device device) {
        final Optional<LedgerDevice> known = ledger.device(device.address());
        if (known.isEmpty() || known.get().status() == DeviceStatus.LOST) {
            return Optional.of(new DeviceAdded(device));
        }
        if (known.get().device().equals(device)) {
            return Optional.empty();
        }
        return Optional.of(new DeviceUpdated(device, known.get().device()));
    }

    private static Optional<LedgerEvent> vanished(final HostLedger ledger, final String address) {
        return ledger.device(address).flatMap(known -> switch (known.status()) {
            case FREE -> Optional.of(new DeviceRemoved(address, known.group()));
            case CLAIMED -> Optional.of(new DeviceLost(address, known.group(), known.holder()));
            case LOST -> Optional.empty();
        });
    }

    private static Decision snapshot(final HostLedger ledger, final List<Device> reported) {
        final SortedMap<String, Device> byAddress = new TreeMap<>();
        reported.forEach(device -> byAddress.put(device.address(), device));
        final List<LedgerEvent> events = new ArrayList<>();
        for (final LedgerDevice known : ledger.devices()) {
            if (!byAddress.containsKey(known.address())) {
                vanished(ledger, known.address()).ifPresent(events::add);
            }
        }
        for (final Device device : byAddress.values()) {
            discovered(ledger, device).ifPresent(events::add);
        }
        return new Decision(events);
    }
}
