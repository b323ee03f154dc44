package io.pciledger.ledger.domain;

import io.pciledger.ledger.domain.CommandOutcome.Rejected;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An answer published to topic {@code pci.claim-results} (key claim id): which command about which claim it
 * answers, which host decided it and when, and the outcome. Mirrors the Avro {@code ClaimResult}.
 *
 * <p>A claim id gets several answers over its life: the claim's grant or refusal, then those of its confirm and
 * release, and of every retry. Looking a claim up by id shows the one that stands ({@link #isSupersededBy}), which
 * says on which host the claim was decided; the claim's state now (confirmed, released, expired, devices lost) is
 * in that host's ledger.
 *
 * @param claimId   the claim the command was about
 * @param commandId the command this answers
 * @param host      the host whose ledger answered, or null if the command named none
 * @param decidedAt when the ledger answered, by its clock
 * @param outcome   granted, rejected, confirmed or released
 */
public record ClaimResult(String claimId, String commandId, String host, Instant decidedAt, CommandOutcome outcome) {

    /**
     * Refusals that say there is nothing on the answering host to answer about: the host or claim is unknown there,
     * the claim id belongs to another request, or the claim is no longer live. They record nothing, and they must
     * not make a lookup by claim id forget where the claim was decided (a release sent to the wrong host would).
     */
    private static final Set<RejectReason> NOTHING_TO_ANSWER = EnumSet.of(RejectReason.UNKNOWN_CLAIM,
            RejectReason.UNKNOWN_HOST, RejectReason.CLAIM_ID_CONFLICT, RejectReason.CLAIM_NOT_LIVE);

    public ClaimResult {
        Objects.requireNonNull(claimId, "claimId");
        Objects.requireNonNull(outcome, "outcome of claim " + claimId);
    }

    /**
     * Whether {@code next}, a later answer for the same claim id, is the one a lookup by claim id should show
     * instead of this one.
     *
     * <ul>
     *   <li>A grant, confirmation or release always takes over: it comes from the host that holds the claim.</li>
     *   <li>A refusal never displaces a grant, confirmation or release: the claim still stands on its host
     *       (e.g. a release by another tenant, refused {@code NOT_AUTHORIZED}).</li>
     *   <li>A refusal replaces a refusal when it is a decision on a claim (e.g. {@code INSUFFICIENT_DEVICES}),
     *       not when it says there was nothing to answer about ({@code UNKNOWN_CLAIM}, {@code UNKNOWN_HOST},
     *       {@code CLAIM_ID_CONFLICT}, {@code CLAIM_NOT_LIVE}).</li>
     * </ul>
     */
    public boolean isSupersededBy(final ClaimResult next) {
        if (!(next.outcome() instanceof Rejected refusal)) {
            return true;
        }
        return outcome instanceof Rejected && !NOTHING_TO_ANSWER.contains(refusal.reason());
    }
}
