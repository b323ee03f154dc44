package io.pciledger.ledger.crash;

import io.pciledger.ledger.domain.Claim;
import io.pciledger.ledger.domain.ClaimRequest;
import io.pciledger.ledger.domain.ClaimStatus;
import io.pciledger.ledger.domain.ClaimedDevice;
import io.pciledger.ledger.domain.Command;
import io.pciledger.ledger.domain.CommandOutcome;
import io.pciledger.ledger.domain.CommandOutcome.Granted;
import io.pciledger.ledger.domain.CommandOutcome.Rejected;
import io.pciledger.ledger.domain.CommandOutcome.Released;
import io.pciledger.ledger.domain.DevType;
import io.pciledger.ledger.domain.HostLedger;
import io.pciledger.ledger.domain.LedgerEvent.ClaimExpired;
import io.pciledger.ledger.domain.LedgerEvent.ClaimRejected;
import io.pciledger.ledger.domain.LedgerEvent.DevicesClaimed;
import io.pciledger.ledger.domain.LedgerEvent.DevicesReleased;
import io.pciledger.ledger.domain.LedgerRecord;
import io.pciledger.ledger.domain.RejectReason;
import io.pciledger.ledger.domain.RejectedClaim;
import io.pciledger.ledger.domain.ReleaseRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Checks a committed {@code pci.ledger} as an auditor would, independently of the ledger's own fold where that is
 * cheap: per host, gap-free sequence numbers from 1 without duplicates; at no point a device held by two claims,
 * nor a VF and its PF held together; every claim id decided (granted or refused) at most once. Then folds each
 * host's records with {@link HostLedger#replay} and says what answer every command must have had.
 */
final class LedgerAudit {

    private final Map<String, List<LedgerRecord>> byHost = new TreeMap<>();

    /** @param records the ledger's records, each host's in topic order */
    LedgerAudit(final List<LedgerRecord> records) {
        records.forEach(record -> byHost.computeIfAbsent(record.host(), host -> new ArrayList<>()).add(record));
    }

    /** Every host whose sequence numbers are not exactly 1, 2, 3, ..., with what they are instead. */
    List<String> sequenceProblems() {
        final List<String> problems = new ArrayList<>();
        byHost.forEach((host, records) -> {
            for (int index = 0; index < records.size(); index++) {
                if (records.get(index).seq() != index + 1) {
                    problems.add("host " + host + ": record " + (index + 1) + " has seq " + records.get(index).seq()
                            + " (sequence " + records.stream().map(LedgerRecord::seq).toList() + ")");
                    return;
                }
            }
        });
        return problems;
    }

    /**
     * Every moment of the ledger at which a claim was granted a device already held, or a VF whose PF was held, or
     * a PF with a VF held; and every end of a claim that gave back devices it did not hold.
     */
    List<String> holdingProblems() {
        final List<String> problems = new ArrayList<>();
        byHost.forEach((host, records) -> {
            final Map<String, ClaimedDevice> held = new HashMap<>();
            final Map<String, String> holders = new HashMap<>();
            for (final LedgerRecord record : records) {
                final String at = "host " + host + " seq " + record.seq() + ": ";
                if (record.event() instanceof DevicesClaimed claimed) {
                    for (final ClaimedDevice device : claimed.devices()) {
                        if (holders.containsKey(device.address())) {
                            problems.add(at + claimed.claimId() + " was granted " + device.address()
                                    + ", held by " + holders.get(device.address()));
                        }
                        if (device.parentAddr() != null && holders.containsKey(device.parentAddr())) {
                            problems.add(at + claimed.claimId() + " was granted VF " + device.address()
                                    + " while its PF is held by " + holders.get(device.parentAddr()));
                        }
                        if (device.devType() == DevType.TYPE_PF) {
                            held.values().stream().filter(vf -> device.address().equals(vf.parentAddr()))
                                    .forEach(vf -> problems.add(at + claimed.claimId() + " was granted PF "
                                            + device.address() + " while its VF " + vf.address() + " is held by "
                                            + holders.get(vf.address())));
                        }
                    }
                    for (final ClaimedDevice device : claimed.devices()) {
                        held.put(device.address(), device);
                        holders.put(device.address(), claimed.claimId());
                    }
                } else if (record.event() instanceof DevicesReleased released) {
                    giveBack(at, released.claimId(), released.addresses(), held, holders, problems);
                } else if (record.event() instanceof ClaimExpired expired) {
                    giveBack(at, expired.claimId(), expired.addresses(), held, holders, problems);
                }
            }
        });
        return problems;
    }

    private static void giveBack(final String at, final String claimId, final List<String> addresses,
            final Map<String, ClaimedDevice> held, final Map<String, String> holders, final List<String> problems) {
        for (final String address : addresses) {
            if (!claimId.equals(holders.remove(address))) {
                problems.add(at + claimId + " gave back " + address + ", which it did not hold");
            }
            held.remove(address);
        }
    }

    /** How many decisions (grant or refusal) the ledger records per claim id, over all hosts. */
    Map<String, Integer> decisionsPerClaim() {
        final Map<String, Integer> decisions = new LinkedHashMap<>();
        byHost.values().forEach(records -> records.forEach(record -> {
            if (record.event() instanceof DevicesClaimed claimed) {
                decisions.merge(claimed.claimId(), 1, Integer::sum);
            } else if (record.event() instanceof ClaimRejected rejected) {
                decisions.merge(rejected.claimId(), 1, Integer::sum);
            }
        }));
        return decisions;
    }

    /**
     * How many records of each kind the ledger has: by event type ({@code DevicesClaimed}, ...), refusals by
     * reason ({@code ClaimRejected INSUFFICIENT_DEVICES}, ...).
     */
    SortedMap<String, Long> kinds() {
        final SortedMap<String, Long> kinds = new TreeMap<>();
        byHost.values().forEach(records -> records.forEach(record -> kinds.merge(
                record.event() instanceof ClaimRejected rejected
                        ? "ClaimRejected " + rejected.reason()
                        : record.event().getClass().getSimpleName(),
                1L, Long::sum)));
        return kinds;
    }

    /** How many claims were granted with a time-to-live and have neither been released nor expired yet. */
    long pendingExpiries() {
        final Set<String> withTtl = new HashSet<>();
        byHost.values().forEach(records -> records.forEach(record -> {
            if (record.event() instanceof DevicesClaimed claimed && claimed.expiresAt() != null) {
                withTtl.add(claimed.claimId());
            } else if (record.event() instanceof DevicesReleased released) {
                withTtl.remove(released.claimId());
            } else if (record.event() instanceof ClaimExpired expired) {
                withTtl.remove(expired.claimId());
            }
        }));
        return withTtl.size();
    }

    /** The state of every host, folded from its records ({@link HostLedger#replay}). */
    Map<String, HostLedger> replay() {
        final Map<String, HostLedger> hosts = new TreeMap<>();
        byHost.forEach((host, records) -> hosts.put(host, HostLedger.replay(host, records)));
        return hosts;
    }

    /**
     * The answer the ledger must have given to {@code command} on {@code ledger}'s host, knowing how every claim
     * was decided and ended: a claim gets its grant or recorded refusal (also when retried), or
     * {@code CLAIM_ID_CONFLICT} if its claim id was decided for another request; a release of a grant gets the
     * grant's release or expiry. Empty when the ledger has no decision for the claim id at all.
     */
    static Optional<CommandOutcome> expectedAnswer(final HostLedger ledger, final Command command) {
        final Optional<Claim> granted = ledger.claim(command.claimId());
        if (command instanceof ReleaseRequest) {
            return granted.map(claim -> new Released(claim.addresses(), claim.status() == ClaimStatus.EXPIRED,
                    claim.endedSeq()));
        }
        final String requestHash = ((ClaimRequest) command).hash();
        if (granted.isPresent()) {
            final Claim claim = granted.get();
            return Optional.of(claim.requestHash().equals(requestHash)
                    ? new Granted(claim.devices(), claim.liveMigratable(), claim.claimedSeq(), claim.expiresAt())
                    : conflict());
        }
        return ledger.rejection(command.claimId()).map((RejectedClaim rejection) ->
                rejection.requestHash().equals(requestHash)
                        ? new Rejected(rejection.reason(), rejection.message())
                        : conflict());
    }

    /** Whether {@code actual} is {@code expected}; a conflict's message is not compared. */
    static boolean sameAnswer(final CommandOutcome expected, final CommandOutcome actual) {
        if (expected instanceof Rejected wanted && wanted.reason() == RejectReason.CLAIM_ID_CONFLICT) {
            return actual instanceof Rejected rejected && rejected.reason() == RejectReason.CLAIM_ID_CONFLICT;
        }
        return expected.equals(actual);
    }

    private static Rejected conflict() {
        return new Rejected(RejectReason.CLAIM_ID_CONFLICT, "(any message)");
    }
}
