package io.pciledger.query.claims;

import io.pciledger.ledger.domain.CommandOutcome;
import java.util.List;

/**
 * The committed answer to a command.
 *
 * @param claimId  the claim
 * @param host     the host whose ledger decided; null when no host could even be tried
 * @param outcome  the decision
 * @param attempts for a claim placed by the service, the hosts that refused it first (in order)
 */
public record ClaimAnswer(String claimId, String host, CommandOutcome outcome, List<PlacementAttempt> attempts) {

    public ClaimAnswer {
        attempts = List.copyOf(attempts);
    }
}
