package io.pciledger.query.candidates;

import java.util.List;
import java.util.SortedMap;

/**
 * A host that can satisfy a request, as far as its committed pools tell.
 *
 * @param host        the host
 * @param numaMisfits how many requested devices would be off the wished NUMA node (0 is a perfect fit)
 * @param freeByGroup the host's free devices of each requested group
 * @param freeTotal   their sum, for ordering
 */
public record Candidate(String host, int numaMisfits, SortedMap<String, Integer> freeByGroup, int freeTotal) {

    public Candidate {
        freeByGroup = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(freeByGroup));
    }

    /** The hosts of {@code candidates}, in order. */
    public static List<String> hosts(final List<Candidate> candidates) {
        return candidates.stream().map(Candidate::host).toList();
    }
}
