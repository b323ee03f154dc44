package io.pciledger.query.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class PlacementOrderTest {

    private static Candidate candidate(final String host, final int misfits) {
        return new Candidate(host, misfits, new TreeMap<>(), 1);
    }

    private final List<Candidate> bestFirst = List.of(candidate("a", 0), candidate("b", 0), candidate("c", 0),
            candidate("d", 1));

    @Test
    void claimsSpreadOverTheEquallyGoodCandidatesOnly() {
        final Set<String> firstChoices = new HashSet<>();
        for (int claim = 0; claim < 50; claim++) {
            final List<Candidate> order = PlacementOrder.forClaim("claim-" + claim, bestFirst);
            firstChoices.add(order.get(0).host());
            assertThat(order).containsExactlyInAnyOrderElementsOf(bestFirst);
            assertThat(order.get(3).host()).isEqualTo("d");
        }
        assertThat(firstChoices).containsExactlyInAnyOrder("a", "b", "c");
    }

    @Test
    void aRetryOfTheSameClaimIdGetsTheSameOrder() {
        assertThat(PlacementOrder.forClaim("vm-42", bestFirst)).isEqualTo(PlacementOrder.forClaim("vm-42", bestFirst));
    }
}
