package io.pciledger.cli.audit;

import io.pciledger.ledger.domain.LedgerEvent;
import io.pciledger.ledger.domain.LedgerRecord;
import io.pciledger.ledger.replay.DeviceHistory;
import java.time.Instant;
import java.util.List;

/**
 * One device's history as {@code pci-ledger replay --device} prints it: the members and names of the API's
 * {@code GET /v1/hosts/{host}/devices/{address}/history}.
 *
 * @param host    the device's host
 * @param address its PCI address
 * @param events  every ledger event of the host that belongs to the device, in order
 */
public record DeviceHistoryReport(String host, String address, List<EventEntry> events) {

    public static DeviceHistoryReport of(final DeviceHistory history) {
        return new DeviceHistoryReport(history.host(), history.address(),
                history.events().stream().map(EventEntry::of).toList());
    }

    /** One ledger event: its position, time, type, cause and actor, and the event itself. */
    public record EventEntry(String host, long seq, Instant at, String type, String cause, String actor,
            LedgerEvent event) {

        static EventEntry of(final LedgerRecord record) {
            return new EventEntry(record.host(), record.seq(), record.timestamp(),
                    record.event().getClass().getSimpleName(), record.causeId(), record.actor(), record.event());
        }
    }
}
