package io.pciledger.ledger.domain;

import java.util.List;

/** What the {@link Allocator} found for a request on a host: every device, or why not. */
public sealed interface Allocation {

    /** A device for every unit of every item, by item index then address. */
    record Allocated(List<ClaimedDevice> devices) implements Allocation {
        public Allocated {
            devices = List.copyOf(devices);
        }
    }

    /** Some item cannot be satisfied; the message says which, how many were asked and how many are free. */
    record Shortfall(String message) implements Allocation {
    }
}
