package io.pciledger.ledger.domain;

import java.util.Locale;

/**
 * Nova's PCI NUMA affinity policy of a request item ({@code hw:pci_numa_affinity_policy}): how strictly the
 * devices must sit on the NUMA node the item names. What each policy admits is {@link NumaAffinity}'s business.
 *
 * <p>{@link #UNKNOWN} is what a reader gets for a symbol it does not know; a claim carrying it is invalid.
 */
public enum NumaPolicy {
    UNKNOWN,
    REQUIRED,
    PREFERRED,
    LEGACY,
    SOCKET;

    /** The name Nova uses, e.g. {@code preferred}. */
    public String novaName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
