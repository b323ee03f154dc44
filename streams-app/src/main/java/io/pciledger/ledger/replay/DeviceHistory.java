package io.pciledger.ledger.replay;

import io.pciledger.ledger.domain.AffectedDevices;
import io.pciledger.ledger.domain.HostLedger;
import io.pciledger.ledger.domain.LedgerRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One device's history as a replay finds it: every ledger event of its host that belongs to the device
 * ({@link AffectedDevices}: added, updated, claimed, confirmed, lost, released, removed ...), in the host's order.
 * The same events the ledger's {@code device-history} store keeps, rebuilt from {@code pci.ledger} alone.
 */
public final class DeviceHistory {

    private final String host;
    private final String address;
    private final List<LedgerRecord> events = new ArrayList<>();
    private long hostEvents;

    /** An empty history of device {@code address} on {@code host}, to be filled by {@link #collector}. */
    public DeviceHistory(final String host, final String address) {
        this.host = Objects.requireNonNull(host, "host");
        this.address = Objects.requireNonNull(address, "address");
    }

    /** A fold that collects this device's events from the records of its host, up to {@code cut}. */
    public FleetFold collector(final ReplayCut cut) {
        return new FleetFold(cut, this::applied);
    }

    private void applied(final LedgerRecord record, final HostLedger ledger) {
        if (!record.host().equals(host)) {
            return;
        }
        hostEvents++;
        if (AffectedDevices.of(record.event(), ledger).contains(address)) {
            events.add(record);
        }
    }

    public String host() {
        return host;
    }

    public String address() {
        return address;
    }

    /** The device's events, in its host's order. */
    public List<LedgerRecord> events() {
        return List.copyOf(events);
    }

    /** Whether the host had any event replayed: a history of a host the ledger never saw is empty for that reason. */
    public boolean hostKnown() {
        return hostEvents > 0;
    }
}
