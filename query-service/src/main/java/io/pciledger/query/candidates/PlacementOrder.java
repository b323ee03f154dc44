package io.pciledger.query.candidates;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The order in which a claim without a host tries its candidates. Best first would send every concurrent claim of
 * the same shape to the same host, where all but one lose the race and retry elsewhere; so the candidates that fit
 * the NUMA wish equally well as the best one are rotated by the claim id, spreading concurrent claims over them.
 * A retry of the same claim id gets the same order.
 */
public final class PlacementOrder {

    private PlacementOrder() {
    }

    public static List<Candidate> forClaim(final String claimId, final List<Candidate> bestFirst) {
        if (bestFirst.size() < 2) {
            return bestFirst;
        }
        final int bestFit = bestFirst.get(0).numaMisfits();
        int equallyGood = 0;
        while (equallyGood < bestFirst.size() && bestFirst.get(equallyGood).numaMisfits() == bestFit) {
            equallyGood++;
        }
        final List<Candidate> order = new ArrayList<>(bestFirst);
        Collections.rotate(order.subList(0, equallyGood), -Math.floorMod(claimId.hashCode(), equallyGood));
        return order;
    }
}
