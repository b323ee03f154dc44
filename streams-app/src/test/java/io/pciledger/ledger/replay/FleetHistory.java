package io.pciledger.ledger.replay;

import io.pciledger.ledger.domain.Cause;
import io.pciledger.ledger.domain.ClaimRequest;
import io.pciledger.ledger.domain.ConfirmRequest;
import io.pciledger.ledger.domain.DevType;
import io.pciledger.ledger.domain.Device;
import io.pciledger.ledger.domain.GroupDirectory;
import io.pciledger.ledger.domain.HostLedger;
import io.pciledger.ledger.domain.HostLedgerSession;
import io.pciledger.ledger.domain.InventoryFact;
import io.pciledger.ledger.domain.LedgerRecord;
import io.pciledger.ledger.domain.ReleaseRequest;
import io.pciledger.ledger.domain.RequestItem;
import io.pciledger.ledger.domain.Requester;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fleet's history written by the ledger's own sessions, at times the test chooses: every record kept in the
 * order it was decided, and each host's live ledger to compare a replay with.
 */
final class FleetHistory {

    static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    private final Map<String, HostLedgerSession> sessions = new LinkedHashMap<>();
    private final List<LedgerRecord> records = new ArrayList<>();
    private int causes;

    static Device gpu(final String address) {
        return new Device(address, "10de", "20b5", "030200", DevType.TYPE_PCI, null, 0, null, "vfio-pci", "gpu",
                Map.of());
    }

    FleetHistory discover(final String host, final Instant at, final Device... devices) {
        for (final Device device : devices) {
            records.addAll(session(host).report(new InventoryFact.DeviceDiscovered(device), cause(host, at)));
        }
        return this;
    }

    FleetHistory vanish(final String host, final Instant at, final String address) {
        records.addAll(session(host).report(new InventoryFact.DeviceVanished(address), cause(host, at)));
        return this;
    }

    FleetHistory claim(final String host, final Instant at, final String claimId, final int gpus) {
        return handle(host, at, new ClaimRequest(claimId, "acme", "vm-" + claimId,
                List.of(RequestItem.devices("gpu", gpus)), false, null));
    }

    FleetHistory confirm(final String host, final Instant at, final String claimId) {
        return handle(host, at, new ConfirmRequest(claimId));
    }

    FleetHistory release(final String host, final Instant at, final String claimId) {
        return handle(host, at, new ReleaseRequest(claimId, "instance deleted"));
    }

    private FleetHistory handle(final String host, final Instant at,
            final io.pciledger.ledger.domain.Command command) {
        records.addAll(session(host).handle(command, Requester.admin("ops"), GroupDirectory.empty(),
                cause(host, at)).records());
        return this;
    }

    private HostLedgerSession session(final String host) {
        return sessions.computeIfAbsent(host, HostLedgerSession::newHost);
    }

    private Cause cause(final String actor, final Instant at) {
        return new Cause("cause-" + ++causes, actor, at);
    }

    /** Every record, in the order decided (each host's in sequence, hosts interleaved). */
    List<LedgerRecord> records() {
        return List.copyOf(records);
    }

    /** The live ledger of {@code host}. */
    HostLedger ledger(final String host) {
        return sessions.get(host).ledger();
    }

    /** A fold of every record up to {@code cut}. */
    FleetState replay(final ReplayCut cut) {
        final FleetFold fold = new FleetFold(cut);
        long offset = 0;
        for (final LedgerRecord record : records) {
            fold.accept(record, "test", offset++);
        }
        return fold.state();
    }
}
