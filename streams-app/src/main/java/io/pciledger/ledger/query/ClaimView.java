package io.pciledger.ledger.query;

import io.pciledger.ledger.domain.Claim;
import io.pciledger.ledger.domain.RejectedClaim;
import java.util.Optional;

/**
 * One claim id as its host's ledger has decided it: granted (live, confirmed, released or expired, with its devices)
 * or refused (with the reason). What {@code GET /v1/hosts/{host}/claims/{id}} shows. Exactly one of the two is
 * present.
 *
 * @param host      the host that decided it
 * @param claim     the granted claim as it stands now, or null if refused
 * @param rejection the refusal, or null if granted
 */
public record ClaimView(String host, Claim claim, RejectedClaim rejection) {

    /**
     * @throws IllegalArgumentException unless exactly one of claim and rejection is given
     */
    public ClaimView {
        if ((claim == null) == (rejection == null)) {
            throw new IllegalArgumentException("claim view of host " + host
                    + " needs a claim or a rejection, exactly one");
        }
    }

    public Optional<Claim> granted() {
        return Optional.ofNullable(claim);
    }

    public Optional<RejectedClaim> refused() {
        return Optional.ofNullable(rejection);
    }
}
