package io.pciledger.ledger.avro;

import io.pciledger.ledger.domain.LedgerEvent;
import io.pciledger.ledger.domain.LedgerEvent.ClaimConfirmed;
import io.pciledger.ledger.domain.LedgerEvent.ClaimExpired;
import io.pciledger.ledger.domain.LedgerEvent.ClaimRejected;
import io.pciledger.ledger.domain.LedgerEvent.DeviceAdded;
import io.pciledger.ledger.domain.LedgerEvent.DeviceLost;
import io.pciledger.ledger.domain.LedgerEvent.DeviceRemoved;
import io.pciledger.ledger.domain.LedgerEvent.DeviceUpdated;
import io.pciledger.ledger.domain.LedgerEvent.DevicesClaimed;
import io.pciledger.ledger.domain.LedgerEvent.DevicesReleased;
import io.pciledger.ledger.domain.LedgerEvent.HostMarkedStale;
import io.pciledger.ledger.domain.LedgerEvent.HostReturned;
import io.pciledger.ledger.domain.LedgerRecord;

/**
 * Topic {@code pci.ledger}: the Avro {@code LedgerEvent} envelope and the domain's {@link LedgerRecord} (host,
 * sequence, time, cause, actor) with its {@link LedgerEvent} payload. One to one: every field survives the trip,
 * except that Avro keeps times to the millisecond.
 */
public final class LedgerEvents {

    private LedgerEvents() {
    }

    public static io.pciledger.schemas.ledger.LedgerEvent toAvro(final LedgerRecord record) {
        return new io.pciledger.schemas.ledger.LedgerEvent(record.host(), record.seq(), record.timestamp(),
                record.causeId(), record.actor(), payload(record.event()));
    }

    public static LedgerRecord toDomain(final io.pciledger.schemas.ledger.LedgerEvent event) {
        return new LedgerRecord(event.getHost(), event.getSeq(), event.getTimestamp(), event.getCauseId(),
                event.getActor(), event(event));
    }

    private static Object payload(final LedgerEvent event) {
        if (event instanceof DeviceAdded added) {
            return new io.pciledger.schemas.ledger.DeviceAdded(CommonRecords.toAvro(added.device()));
        } else if (event instanceof DeviceUpdated updated) {
            return new io.pciledger.schemas.ledger.DeviceUpdated(CommonRecords.toAvro(updated.device()),
                    CommonRecords.toAvro(updated.previous()));
        } else if (event instanceof DeviceRemoved removed) {
            return new io.pciledger.schemas.ledger.DeviceRemoved(removed.address(), removed.group());
        } else if (event instanceof DeviceLost lost) {
            return new io.pciledger.schemas.ledger.DeviceLost(lost.address(), lost.group(), lost.claimId());
        } else if (event instanceof DevicesClaimed claimed) {
            return new io.pciledger.schemas.ledger.DevicesClaimed(claimed.claimId(), claimed.tenant(),
                    claimed.instance(), claimed.requestHash(), CommonRecords.claimedToAvro(claimed.devices()),
                    claimed.liveMigratable(), claimed.expiresAt());
        } else if (event instanceof ClaimRejected rejected) {
            return new io.pciledger.schemas.ledger.ClaimRejected(rejected.claimId(), rejected.tenant(),
                    rejected.instance(), rejected.requestHash(), CommonRecords.toAvro(rejected.reason()),
                    rejected.message());
        } else if (event instanceof ClaimConfirmed confirmed) {
            return new io.pciledger.schemas.ledger.ClaimConfirmed(confirmed.claimId());
        } else if (event instanceof DevicesReleased released) {
            return new io.pciledger.schemas.ledger.DevicesReleased(released.claimId(), released.addresses(),
                    released.reason());
        } else if (event instanceof ClaimExpired expired) {
            return new io.pciledger.schemas.ledger.ClaimExpired(expired.claimId(), expired.addresses());
        } else if (event instanceof HostMarkedStale stale) {
            return new io.pciledger.schemas.ledger.HostMarkedStale(stale.lastSeen());
        } else if (event instanceof HostReturned returned) {
            return new io.pciledger.schemas.ledger.HostReturned(returned.staleSince());
        }
        throw new IllegalArgumentException("unknown ledger event " + event);
    }

    private static LedgerEvent event(final io.pciledger.schemas.ledger.LedgerEvent envelope) {
        final Object payload = envelope.getPayload();
        if (payload instanceof io.pciledger.schemas.ledger.DeviceAdded added) {
            return new DeviceAdded(CommonRecords.toDomain(added.getDevice()));
        } else if (payload instanceof io.pciledger.schemas.ledger.DeviceUpdated updated) {
            return new DeviceUpdated(CommonRecords.toDomain(updated.getDevice()),
                    CommonRecords.toDomain(updated.getPrevious()));
        } else if (payload instanceof io.pciledger.schemas.ledger.DeviceRemoved removed) {
            return new DeviceRemoved(removed.getAddress(), removed.getGroup());
        } else if (payload instanceof io.pciledger.schemas.ledger.DeviceLost lost) {
            return new DeviceLost(lost.getAddress(), lost.getGroup(), lost.getClaimId());
        } else if (payload instanceof io.pciledger.schemas.ledger.DevicesClaimed claimed) {
            return new DevicesClaimed(claimed.getClaimId(), claimed.getTenant(), claimed.getInstance(),
                    claimed.getRequestHash(), CommonRecords.claimedToDomain(claimed.getDevices()),
                    claimed.getLiveMigratable(), claimed.getExpiresAt());
        } else if (payload instanceof io.pciledger.schemas.ledger.ClaimRejected rejected) {
            return new ClaimRejected(rejected.getClaimId(), rejected.getTenant(), rejected.getInstance(),
                    rejected.getRequestHash(), CommonRecords.toDomain(rejected.getReason()), rejected.getMessage());
        } else if (payload instanceof io.pciledger.schemas.ledger.ClaimConfirmed confirmed) {
            return new ClaimConfirmed(confirmed.getClaimId());
        } else if (payload instanceof io.pciledger.schemas.ledger.DevicesReleased released) {
            return new DevicesReleased(released.getClaimId(), released.getAddresses(), released.getReason());
        } else if (payload instanceof io.pciledger.schemas.ledger.ClaimExpired expired) {
            return new ClaimExpired(expired.getClaimId(), expired.getAddresses());
        } else if (payload instanceof io.pciledger.schemas.ledger.HostMarkedStale stale) {
            return new HostMarkedStale(stale.getLastSeen());
        } else if (payload instanceof io.pciledger.schemas.ledger.HostReturned returned) {
            return new HostReturned(returned.getStaleSince());
        }
        throw new IllegalArgumentException("ledger event " + envelope.getSeq() + " of host " + envelope.getHost()
                + " has an unknown payload: " + payload);
    }
}
