package io.pciledger.ledger.domain;

import java.util.HashMap;
import java.util.Map;

/**
 * Where one device of a host stands for the counts an operator and the scheduler see. Every device of the
 * ledger is exactly one of these, so a group's total is always the sum of the four.
 */
public enum Availability {
    /** Free, not blocked by PF/VF exclusivity, on a host that is not stale: a claim could take it now. */
    AVAILABLE,
    /** Present and held by a claim. */
    CLAIMED,
    /** Free, but blocked: its PF or one of its VFs is taken, or its host is stale. */
    UNAVAILABLE,
    /** Gone from the host while claimed; still held until its claim ends. */
    LOST;

    /** The standing of every device of {@code ledger}, by address. */
    public static Map<String, Availability> of(final HostLedger ledger) {
        final PfVfExclusivity exclusivity = PfVfExclusivity.of(ledger);
        final Map<String, Availability> standing = new HashMap<>(ledger.devices().size() * 2);
        for (final LedgerDevice device : ledger.devices()) {
            standing.put(device.address(), switch (device.status()) {
                case LOST -> LOST;
                case CLAIMED -> CLAIMED;
                case FREE -> ledger.isStale() || exclusivity.isBlocked(device.address()) ? UNAVAILABLE : AVAILABLE;
            });
        }
        return standing;
    }
}
