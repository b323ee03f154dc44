package io.pciledger.ledger.avro;

import io.pciledger.ledger.domain.ActorRole;
import io.pciledger.ledger.domain.ClaimRequest;
import io.pciledger.ledger.domain.Command;
import io.pciledger.ledger.domain.ConfirmRequest;
import io.pciledger.ledger.domain.ReleaseRequest;
import io.pciledger.ledger.domain.Requester;
import io.pciledger.schemas.command.ClaimCommand;
import io.pciledger.schemas.command.ConfirmCommand;
import io.pciledger.schemas.command.ReleaseCommand;
import java.time.Duration;
import java.time.Instant;

/**
 * Topic {@code pci.commands}: the Avro {@code Command} envelope and the domain's {@link Command} and
 * {@link Requester}. The envelope's command id, host and issue time are not part of the domain command; the
 * processor takes the command id as the cause. A claim's {@code requested_host} (the host the client named, if
 * any) is for the query service and is not kept.
 */
public final class Commands {

    private Commands() {
    }

    /** The domain command of {@code command}'s payload. */
    public static Command toDomain(final io.pciledger.schemas.command.Command command) {
        final Object payload = command.getPayload();
        if (payload instanceof ClaimCommand claim) {
            return new ClaimRequest(claim.getClaimId(), claim.getTenant(), claim.getInstance(),
                    claim.getItems().stream().map(CommonRecords::toDomain).toList(),
                    claim.getAllowNonMigratable(),
                    claim.getTtlMs() == null ? null : Duration.ofMillis(claim.getTtlMs()));
        } else if (payload instanceof ConfirmCommand confirm) {
            return new ConfirmRequest(confirm.getClaimId());
        } else if (payload instanceof ReleaseCommand release) {
            return new ReleaseRequest(release.getClaimId(), release.getReason());
        }
        throw new IllegalArgumentException("command " + command.getCommandId() + " for host " + command.getHost()
                + " has an unknown payload: " + payload);
    }

    /** Who sent {@code command}, in which role. */
    public static Requester requester(final io.pciledger.schemas.command.Command command) {
        return new Requester(command.getActor(), CommonRecords.byName(command.getActorRole(), ActorRole.class));
    }

    /** The envelope of {@code command}, as the query service would write it. */
    public static io.pciledger.schemas.command.Command toAvro(final String commandId, final String host,
            final Instant issuedAt, final Requester requester, final Command command) {
        return new io.pciledger.schemas.command.Command(commandId, host, issuedAt, requester.actor(),
                CommonRecords.byName(requester.role(), io.pciledger.schemas.common.ActorRole.class),
                payload(command));
    }

    private static Object payload(final Command command) {
        if (command instanceof ClaimRequest claim) {
            return new ClaimCommand(claim.claimId(), claim.tenant(), claim.instance(), null,
                    claim.items().stream().map(CommonRecords::toAvro).toList(), claim.allowNonMigratable(),
                    claim.ttl() == null ? null : claim.ttl().toMillis());
        } else if (command instanceof ConfirmRequest confirm) {
            return new ConfirmCommand(confirm.claimId());
        } else if (command instanceof ReleaseRequest release) {
            return new ReleaseCommand(release.claimId(), release.reason());
        }
        throw new IllegalArgumentException("unknown command " + command);
    }
}
