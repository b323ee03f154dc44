package io.pciledger.ledger.domain;

import java.util.Optional;

/**
 * Where a host's ledger keeps the claims it has finished with: claims that ended (released or expired) and claims
 * it refused. They hold no device and never change again, but a retry of their claim id must still get the first
 * answer, or {@code CLAIM_ID_CONFLICT} for another request (rule 5). Keeping them apart from the live state keeps
 * the cost of a decision independent of how many claims the host has ever decided.
 *
 * <p>{@link HostLedger#apply} is the only writer: it adds a claim when its {@code DevicesReleased} or
 * {@code ClaimExpired} is applied, and a refusal when its {@code ClaimRejected} is. Deciders read it through the
 * ledger, by claim id ({@link HostLedger#claim}, {@link HostLedger#rejection}), never as a whole.
 *
 * <p>{@link InMemoryClaimArchive} is the plain-Java one (replay, tests); the ledger processor's reads lazily from
 * and writes to a state store. Not thread-safe: one stream task owns a host.
 */
public interface ClaimArchive {

    /** The ended claim of {@code claimId}, if it is archived here. */
    Optional<Claim> endedClaim(String claimId);

    /** The refusal of {@code claimId}, if it is archived here. */
    Optional<RejectedClaim> rejection(String claimId);

    /** Archives a claim that has just ended; called by {@link HostLedger#apply} only. */
    void add(Claim endedClaim);

    /** Archives a refusal that has just been recorded; called by {@link HostLedger#apply} only. */
    void add(RejectedClaim rejection);
}
