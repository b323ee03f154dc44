package io.pciledger.ledger.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the ledger decided to record: the events to append to the host's ledger, in order. Deciders only read
 * a {@link HostLedger}; the caller appends the decision ({@link HostLedger#append}), which numbers the events
 * and applies them, and writes them to topic {@code pci.ledger}. An empty decision means "no news".
 */
public record Decision(List<LedgerEvent> events) {

    private static final Decision NONE = new Decision(List.of());

    public Decision {
        events = List.copyOf(events);
    }

    /** Nothing to record. */
    public static Decision none() {
        return NONE;
    }

    public static Decision of(final LedgerEvent... events) {
        return new Decision(Arrays.asList(events));
    }

    /** This decision's events, then {@code next}'s. */
    public Decision followedBy(final Decision next) {
        if (next.isEmpty()) {
            return this;
        }
        final List<LedgerEvent> all = new ArrayList<>(events);
        all.addAll(next.events);
        return new Decision(all);
    }

    public boolean isEmpty() {
        return events.isEmpty();
    }
}
