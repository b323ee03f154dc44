package io.pciledger.ledger.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a host's ledger (topic {@code pci.ledger}): something that happened to the host's devices or
 * claims. Events are the only way a {@link HostLedger} changes, live and on replay; each mirrors the Avro
 * record of the same name.
 */
public sealed interface LedgerEvent {

    /** A device joined the host, or a device recorded as lost came back (and rejoins its claim). */
    record DeviceAdded(Device device) implements LedgerEvent {
        public DeviceAdded {
            Objects.requireNonNull(device, "device");
        }
    }

    /** A present device's attributes or group changed; a claimed device keeps its claim. */
    record DeviceUpdated(Device device, Device previous) implements LedgerEvent {
        public DeviceUpdated {
            Objects.requireNonNull(device, "device");
            Objects.requireNonNull(previous, "previous");
        }
    }

    /** An unclaimed device left the host (or a lost device was given up when its claim ended). */
    record DeviceRemoved(String address, String group) implements LedgerEvent {
    }

    /** A claimed device left the host: the claim is flagged, the device is not reused until the claim ends. */
    record DeviceLost(String address, String group, String claimId) implements LedgerEvent {
    }

    /**
     * Devices granted to a claim.
     *
     * @param expiresAt when the claim expires unless confirmed, or null for never
     */
    record DevicesClaimed(
            String claimId,
            String tenant,
            String instance,
            String requestHash,
            List<ClaimedDevice> devices,
            boolean liveMigratable,
            Instant expiresAt) implements LedgerEvent {
        public DevicesClaimed {
            devices = List.copyOf(devices);
        }
    }

    /** A claim refused: no device changed hands. Kept for audit and so that a retry gets the same answer. */
    record ClaimRejected(
            String claimId,
            String tenant,
            String instance,
            String requestHash,
            RejectReason reason,
            String message) implements LedgerEvent {
    }

    /** The instance booted: the claim no longer expires. */
    record ClaimConfirmed(String claimId) implements LedgerEvent {
    }

    /** A claim's devices were given back. {@code addresses} includes lost devices. */
    record DevicesReleased(String claimId, List<String> addresses, String reason) implements LedgerEvent {
        public DevicesReleased {
            addresses = List.copyOf(addresses);
        }
    }

    /** A claim not confirmed within its time-to-live, released by the ledger itself. */
    record ClaimExpired(String claimId, List<String> addresses) implements LedgerEvent {
        public ClaimExpired {
            addresses = List.copyOf(addresses);
        }
    }

    /** The host's agent has been silent since {@code lastSeen}: no new claims go there. */
    record HostMarkedStale(Instant lastSeen) implements LedgerEvent {
    }

    /** A stale host's agent reported again; it had been stale since {@code staleSince}. */
    record HostReturned(Instant staleSince) implements LedgerEvent {
    }
}
