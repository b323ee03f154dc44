package io.pciledger.ledger.audit;

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
import java.util.Collection;
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
 * Checks a ledger's history as an auditor would, independently of the ledger's own code where that is cheap:
 * per host, gap-free sequence numbers from 1; at no moment a device held by two claims, a VF held while its PF is
 * held or the other way round (rules 1 and 2), nor a claim giving back devices it did not hold; no claim id granted
 * twice (rule 5). A claim holds its devices from {@code DevicesClaimed} until {@code DevicesReleased} or
 * {@code ClaimExpired}. Then folds each host's records with {@link HostLedger#replay} (rule 7) and says what answer
 * a command must have had.
 *
 * <p>Give it the records of every host, each host's in ledger order (as a partition of {@code pci.ledger} holds
 * them); {@link CommittedLedger} reads them from a cluster.
 *
 * <pre>{@code
 * LedgerAudit audit = CommittedLedger.audit(clientProperties, names, Duration.ofMinutes(1));
 * assert audit.violations().isEmpty();
 * Map<String, HostLedger> hosts = audit.replay();
 * }</pre>
 */
public final class LedgerAudit {

    private final Map<String, HostHistory> hosts = new TreeMap<>();
    private final Map<String, Integer> grantsPerClaim = new LinkedHashMap<>();
    private final Map<String, Integer> decisionsPerClaim = new LinkedHashMap<>();
    private long records;

    /** An audit of nothing yet: {@link #apply} adds records. */
    public LedgerAudit() {
    }

    /** An audit of {@code records}, each host's in ledger order. */
    public static LedgerAudit of(final Iterable<LedgerRecord> records) {
        final LedgerAudit audit = new LedgerAudit();
        records.forEach(audit::apply);
        return audit;
    }

    /** Adds the next record of its host. */
    public void apply(final LedgerRecord record) {
        records++;
        hosts.computeIfAbsent(record.host(), HostHistory::new).apply(record);
        if (record.event() instanceof DevicesClaimed claimed) {
            grantsPerClaim.merge(claimed.claimId(), 1, Integer::sum);
            decisionsPerClaim.merge(claimed.claimId(), 1, Integer::sum);
        } else if (record.event() instanceof ClaimRejected rejected) {
            decisionsPerClaim.merge(rejected.claimId(), 1, Integer::sum);
        }
    }

    /** How many records were audited. */
    public long records() {
        return records;
    }

    /**
     * Everything that must never happen, one sentence each: {@link #sequenceProblems()}, {@link #holdingProblems()}
     * and claim ids granted more than once. Empty when the history is sound.
     */
    public List<String> violations() {
        final List<String> violations = new ArrayList<>(sequenceProblems());
        violations.addAll(holdingProblems());
        grantsPerClaim.forEach((claimId, grants) -> {
            if (grants > 1) {
                violations.add("claim " + claimId + " granted " + grants + " times");
            }
        });
        return violations;
    }

    /** Every host whose sequence numbers are not exactly 1, 2, 3, ..., at the first record out of line. */
    public List<String> sequenceProblems() {
        final List<String> problems = new ArrayList<>();
        hosts.values().forEach(host -> host.sequenceProblem.ifPresent(problems::add));
        return problems;
    }

    /**
     * Every moment at which a claim was granted a device already held, a VF whose PF was held or a PF with a VF
     * held; and every end of a claim that gave back devices it did not hold.
     */
    public List<String> holdingProblems() {
        final List<String> problems = new ArrayList<>();
        hosts.values().forEach(host -> problems.addAll(host.holdingProblems));
        return problems;
    }

    /** How many decisions (grant or recorded refusal) the ledger holds per claim id, over all hosts. */
    public Map<String, Integer> decisionsPerClaim() {
        return Map.copyOf(decisionsPerClaim);
    }

    /** The ids of every claim the history granted. */
    public Set<String> grantedClaims() {
        return Set.copyOf(grantsPerClaim.keySet());
    }

    /**
     * Every claim id of {@code claimed} that the ledger did not decide exactly once (granted or refused), and every
     * claim id it decided that is not in {@code claimed}: for clients that name the host of each claim, so that a
     * claim id is decided on one host only.
     */
    public List<String> decisionProblems(final Collection<String> claimed) {
        final Set<String> claimIds = new HashSet<>(claimed);
        final List<String> problems = new ArrayList<>();
        claimIds.stream().sorted().filter(claimId -> decisionsPerClaim.getOrDefault(claimId, 0) != 1).forEach(
                claimId -> problems.add(claimId + " is decided " + decisionsPerClaim.getOrDefault(claimId, 0)
                        + " times"));
        decisionsPerClaim.keySet().stream().filter(claimId -> !claimIds.contains(claimId)).forEach(claimId ->
                problems.add(claimId + " is decided but was never claimed"));
        return problems;
    }

    /**
     * How many records of each kind the ledger has: by event type ({@code DevicesClaimed}, ...), refusals by
     * reason ({@code ClaimRejected INSUFFICIENT_DEVICES}, ...).
     */
    public SortedMap<String, Long> kinds() {
        final SortedMap<String, Long> kinds = new TreeMap<>();
        hosts.values().forEach(host -> host.records.forEach(record -> kinds.merge(
                record.event() instanceof ClaimRejected rejected
                        ? "ClaimRejected " + rejected.reason()
                        : record.event().getClass().getSimpleName(),
                1L, Long::sum)));
        return kinds;
    }

    /** How many claims were granted with a time-to-live and have neither been released nor expired yet. */
    public long pendingExpiries() {
        return hosts.values().stream().mapToLong(host -> host.pendingExpiries.size()).sum();
    }

    /** The state of every host, folded from its records ({@link HostLedger#replay}). */
    public Map<String, HostLedger> replay() {
        final Map<String, HostLedger> replayed = new TreeMap<>();
        hosts.forEach((name, host) -> replayed.put(name, HostLedger.replay(name, host.records)));
        return replayed;
    }

    /**
     * The answer the ledger must have given to {@code command} on {@code ledger}'s host, knowing how every claim
     * was decided and ended: a claim gets its grant or recorded refusal (also when retried), or
     * {@code CLAIM_ID_CONFLICT} if its claim id was decided for another request; a release of a grant gets the
     * grant's release or expiry. Empty when the ledger has no decision for the claim id at all.
     */
    public static Optional<CommandOutcome> expectedAnswer(final HostLedger ledger, final Command command) {
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
    public static boolean sameAnswer(final CommandOutcome expected, final CommandOutcome actual) {
        if (expected instanceof Rejected wanted && wanted.reason() == RejectReason.CLAIM_ID_CONFLICT) {
            return actual instanceof Rejected rejected && rejected.reason() == RejectReason.CLAIM_ID_CONFLICT;
        }
        return expected.equals(actual);
    }

    private static Rejected conflict() {
        return new Rejected(RejectReason.CLAIM_ID_CONFLICT, "(any message)");
    }

    /** One host's records and what they hold at the latest record. */
    private static final class HostHistory {

        private final String host;
        private final List<LedgerRecord> records = new ArrayList<>();
        private final Map<String, ClaimedDevice> held = new HashMap<>();
        private final Map<String, String> holders = new HashMap<>();
        private final Set<String> pendingExpiries = new HashSet<>();
        private final List<String> holdingProblems = new ArrayList<>();
        private Optional<String> sequenceProblem = Optional.empty();

        HostHistory(final String host) {
            this.host = host;
        }

        void apply(final LedgerRecord record) {
            records.add(record);
            if (sequenceProblem.isEmpty() && record.seq() != records.size()) {
                sequenceProblem = Optional.of("host " + host + ": record " + records.size() + " has seq "
                        + record.seq() + " where " + records.size() + " was due");
            }
            final String at = "host " + host + " seq " + record.seq() + ": ";
            if (record.event() instanceof DevicesClaimed claimed) {
                grant(at, claimed);
                if (claimed.expiresAt() != null) {
                    pendingExpiries.add(claimed.claimId());
                }
            } else if (record.event() instanceof DevicesReleased released) {
                giveBack(at, released.claimId(), released.addresses());
                pendingExpiries.remove(released.claimId());
            } else if (record.event() instanceof ClaimExpired expired) {
                giveBack(at, expired.claimId(), expired.addresses());
                pendingExpiries.remove(expired.claimId());
            }
        }

        private void grant(final String at, final DevicesClaimed claimed) {
            for (final ClaimedDevice device : claimed.devices()) {
                if (holders.containsKey(device.address())) {
                    holdingProblems.add(at + "claim " + claimed.claimId() + " was granted " + device.address()
                            + " while claim " + holders.get(device.address()) + " held it");
                }
                if (device.parentAddr() != null && holders.containsKey(device.parentAddr())) {
                    holdingProblems.add(at + "claim " + claimed.claimId() + " was granted VF " + device.address()
                            + " while its PF is held by claim " + holders.get(device.parentAddr()));
                }
                if (device.devType() == DevType.TYPE_PF) {
                    held.values().stream().filter(vf -> device.address().equals(vf.parentAddr()))
                            .forEach(vf -> holdingProblems.add(at + "claim " + claimed.claimId() + " was granted PF "
                                    + device.address() + " while its VF " + vf.address() + " is held by claim "
                                    + holders.get(vf.address())));
                }
            }
            for (final ClaimedDevice device : claimed.devices()) {
                held.put(device.address(), device);
                holders.put(device.address(), claimed.claimId());
            }
        }

        private void giveBack(final String at, final String claimId, final List<String> addresses) {
            for (final String address : addresses) {
                if (!claimId.equals(holders.get(address))) {
                    holdingProblems.add(at + "claim " + claimId + " gave back " + address + ", which it did not hold");
                    continue;
                }
                holders.remove(address);
                held.remove(address);
            }
        }
    }
}
