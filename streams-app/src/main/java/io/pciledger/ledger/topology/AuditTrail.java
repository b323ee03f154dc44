package io.pciledger.ledger.topology;

import io.pciledger.ledger.domain.AffectedDevices;
import io.pciledger.ledger.domain.HostLedger;
import io.pciledger.ledger.domain.LedgerRecord;
import io.pciledger.ledger.state.DeviceEventKey;
import io.pciledger.ledger.state.HostEventKey;
import io.pciledger.schemas.ledger.LedgerEvent;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Keeps the ledger processor's audit stores, in the task (and so the transaction) that appends the records:
 * {@code host-events} gets every ledger record of the host, and {@code device-history} a reference to it under
 * each device it concerns ({@link AffectedDevices}).
 *
 * <p>References, not copies: one claim of many devices is one event, not one per device; the history is a prefix
 * scan for sequence numbers, then one point read per event. The event is written before its references, so a
 * reader of this instance's stores never meets a reference to an event that is not there yet.
 */
final class AuditTrail {

    private final KeyValueStore<HostEventKey, LedgerEvent> hostEvents;
    private final KeyValueStore<DeviceEventKey, Long> deviceHistory;

    AuditTrail(final KeyValueStore<HostEventKey, LedgerEvent> hostEvents,
            final KeyValueStore<DeviceEventKey, Long> deviceHistory) {
        this.hostEvents = hostEvents;
        this.deviceHistory = deviceHistory;
    }

    /**
     * Records {@code record}, as written to {@code pci.ledger} ({@code written}).
     *
     * @param ledger the host's ledger with the record applied
     */
    void record(final LedgerRecord record, final LedgerEvent written, final HostLedger ledger) {
        hostEvents.put(new HostEventKey(record.host(), record.seq()), written);
        for (final String address : AffectedDevices.of(record.event(), ledger)) {
            deviceHistory.put(new DeviceEventKey(record.host(), address, record.seq()), record.seq());
        }
    }
}
