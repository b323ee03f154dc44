package io.pciledger.ledger.state;

import io.pciledger.ledger.domain.ClaimArchive;
import io.pciledger.ledger.domain.HostLedger;
import io.pciledger.ledger.domain.LedgerDevice;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads a host's live ledger from the two stores that hold it: its {@link HostHeader} in {@code host-ledgers} and
 * its devices, one row each, in {@code host-devices} ({@link DeviceKey}). The ledger processor and the interactive
 * queries read it the same way.
 */
public final class StoredHosts {

    private StoredHosts() {
    }

    /**
     * The live ledger of {@code host}, over {@code archive}; empty if the stores hold no header for it.
     */
    public static Optional<HostLedger> read(
            final ReadOnlyKeyValueStore<String, HostHeader> headers,
            final ReadOnlyKeyValueStore<DeviceKey, LedgerDevice> devices,
            final String host,
            final ClaimArchive archive) {
        final HostHeader header = headers.get(host);
        return header == null ? Optional.empty() : Optional.of(read(header, devices, archive));
    }

    /** The live ledger {@code header} heads, with its device rows as {@code devices} holds them now. */
    public static HostLedger read(final HostHeader header,
            final ReadOnlyKeyValueStore<DeviceKey, LedgerDevice> devices, final ClaimArchive archive) {
        final List<LedgerDevice> rows = new ArrayList<>();
        try (KeyValueIterator<DeviceKey, LedgerDevice> scan =
                devices.prefixScan(DeviceKey.prefix(header.host()), new ByteArraySerializer())) {
            scan.forEachRemaining(row -> rows.add(row.value));
        }
        return header.ledger(rows, archive);
    }
}
