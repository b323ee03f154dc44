package io.pciledger.ledger.domain;

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
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which devices a ledger event belongs to in their history: what an operator reads when asking "what happened to
 * {@code 0000:3b:02.1} on {@code compute-1}?".
 *
 * <ul>
 *   <li>Every event that names the device: added, updated, removed, lost, claimed (each device of the grant),
 *       released and expired (each address given back, lost ones included).</li>
 *   <li>A claim's confirmation, for each device the claim was granted: it names only the claim, but it is the
 *       moment those devices stopped being able to expire.</li>
 *   <li>Not: refusals (no device changed hands), a host marked stale or returning (a fact about the host, in its
 *       ledger), nor the PF or VFs that PF/VF exclusivity blocks or unblocks (no event names them; their
 *       availability follows from their relatives' history).</li>
 * </ul>
 */
public final class AffectedDevices {

    private AffectedDevices() {
    }

    /**
     * The addresses of the devices {@code event} belongs to, sorted.
     *
     * @param ledger the host's ledger with the event applied, or any later state of it: a confirmation's devices
     *               are looked up in its claim, which the ledger keeps for good
     */
    public static SortedSet<String> of(final LedgerEvent event, final HostLedger ledger) {
        final SortedSet<String> addresses = new TreeSet<>();
        if (event instanceof DeviceAdded added) {
            addresses.add(added.device().address());
        } else if (event instanceof DeviceUpdated updated) {
            addresses.add(updated.device().address());
        } else if (event instanceof DeviceRemoved removed) {
            addresses.add(removed.address());
        } else if (event instanceof DeviceLost lost) {
            addresses.add(lost.address());
        } else if (event instanceof DevicesClaimed claimed) {
            claimed.devices().forEach(device -> addresses.add(device.address()));
        } else if (event instanceof DevicesReleased released) {
            addresses.addAll(released.addresses());
        } else if (event instanceof ClaimExpired expired) {
            addresses.addAll(expired.addresses());
        } else if (event instanceof ClaimConfirmed confirmed) {
            ledger.claim(confirmed.claimId()).ifPresent(claim -> addresses.addAll(claim.addresses()));
        } else if (!(event instanceof ClaimRejected || event instanceof HostMarkedStale
                || event instanceof HostReturned)) {
            throw new IllegalArgumentException("unknown ledger event " + event);
        }
        return Collections.unmodifiableSortedSet(addresses);
    }
}
