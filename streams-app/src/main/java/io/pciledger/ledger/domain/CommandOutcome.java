package io.pciledger.ledger.domain;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The answer to a command, as the client reads it from topic {@code pci.claim-results}: mirrors the outcomes of
 * the Avro {@code ClaimResult}. A retried command gets the same answer as the first time.
 */
public sealed interface CommandOutcome {

    /**
     * The claim's devices, all on this host.
     *
     * @param ledgerSeq sequence number of the claim's {@code DevicesClaimed} event
     * @param expiresAt when the claim expires unless confirmed, or null for never
     */
    record Granted(List<ClaimedDevice> devices, boolean liveMigratable, long ledgerSeq, Instant expiresAt)
            implements CommandOutcome {
        public Granted {
            devices = List.copyOf(devices);
        }
    }

    /** Refused, with the code to branch on and a sentence for a person. */
    record Rejected(RejectReason reason, String message) implements CommandOutcome {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    /** The claim is confirmed; {@code ledgerSeq} is its {@code ClaimConfirmed} event's. */
    record Confirmed(long ledgerSeq) implements CommandOutcome {
    }

    /**
     * The claim's devices are back; {@code ledgerSeq} is its {@code DevicesReleased} or {@code ClaimExpired}
     * event's, and {@code expired} says which.
     */
    record Released(List<String> addresses, boolean expired, long ledgerSeq) implements CommandOutcome {
        public Released {
            addresses = List.copyOf(addresses);
        }
    }
}
