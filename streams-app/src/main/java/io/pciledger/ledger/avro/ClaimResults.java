package io.pciledger.ledger.avro;

import io.pciledger.ledger.domain.CommandOutcome;
import io.pciledger.ledger.domain.CommandOutcome.Confirmed;
import io.pciledger.ledger.domain.CommandOutcome.Granted;
import io.pciledger.ledger.domain.CommandOutcome.Rejected;
import io.pciledger.ledger.domain.CommandOutcome.Released;
import io.pciledger.schemas.result.ClaimResult;
import java.time.Instant;

/**
 * Topic {@code pci.claim-results} (key {@code claim_id}): the Avro {@code ClaimResult} and the domain's
 * {@link CommandOutcome}. The envelope adds which claim and command it answers, on which host, and when it was
 * decided.
 */
public final class ClaimResults {

    private ClaimResults() {
    }

    public static ClaimResult toAvro(final String claimId, final String commandId, final String host,
            final Instant decidedAt, final CommandOutcome outcome) {
        return new ClaimResult(claimId, commandId, host, decidedAt, outcome(outcome));
    }

    /** The whole answer, envelope and outcome, as the domain's {@link io.pciledger.ledger.domain.ClaimResult}. */
    public static io.pciledger.ledger.domain.ClaimResult toDomainResult(final ClaimResult result) {
        return new io.pciledger.ledger.domain.ClaimResult(result.getClaimId(), result.getCommandId(),
                result.getHost(), result.getDecidedAt(), toDomain(result));
    }

    /** The outcome of {@code result}. */
    public static CommandOutcome toDomain(final ClaimResult result) {
        final Object outcome = result.getOutcome();
        if (outcome instanceof io.pciledger.schemas.result.Granted granted) {
            return new Granted(CommonRecords.claimedToDomain(granted.getDevices()), granted.getLiveMigratable(),
                    granted.getLedgerSeq(), granted.getExpiresAt());
        } else if (outcome instanceof io.pciledger.schemas.result.Rejected rejected) {
            return new Rejected(CommonRecords.toDomain(rejected.getReason()), rejected.getMessage());
        } else if (outcome instanceof io.pciledger.schemas.result.Confirmed confirmed) {
            return new Confirmed(confirmed.getLedgerSeq());
        } else if (outcome instanceof io.pciledger.schemas.result.Released released) {
            return new Released(released.getAddresses(), released.getExpired(), released.getLedgerSeq());
        }
        throw new IllegalArgumentException("result of claim " + result.getClaimId() + " has an unknown outcome: "
                + outcome);
    }

    private static Object outcome(final CommandOutcome outcome) {
        if (outcome instanceof Granted granted) {
            return new io.pciledger.schemas.result.Granted(CommonRecords.claimedToAvro(granted.devices()),
                    granted.liveMigratable(), granted.ledgerSeq(), granted.expiresAt());
        } else if (outcome instanceof Rejected rejected) {
            return new io.pciledger.schemas.result.Rejected(CommonRecords.toAvro(rejected.reason()),
                    rejected.message());
        } else if (outcome instanceof Confirmed confirmed) {
            return new io.pciledger.schemas.result.Confirmed(confirmed.ledgerSeq());
        } else if (outcome instanceof Released released) {
            return new io.pciledger.schemas.result.Released(released.addresses(), released.expired(),
                    released.ledgerSeq());
        }
        throw new IllegalArgumentException("unknown command outcome " + outcome);
    }
}
