package io.pciledger.bench;

import io.pciledger.ledger.domain.Answer;
import io.pciledger.ledger.domain.Availability;
import io.pciledger.ledger.domain.Cause;
import io.pciledger.ledger.domain.Claim;
import io.pciledger.ledger.domain.ClaimArchive;
import io.pciledger.ledger.domain.ClaimRequest;
import io.pciledger.ledger.domain.CommandOutcome;
import io.pciledger.ledger.domain.GroupDirectory;
import io.pciledger.ledger.domain.HostGroupCounts;
import io.pciledger.ledger.domain.HostLedger;
import io.pciledger.ledger.domain.HostLedgerSession;
import io.pciledger.ledger.domain.HostPools;
import io.pciledger.ledger.domain.InventoryFact;
import io.pciledger.ledger.domain.ReleaseRequest;
import io.pciledger.ledger.domain.RequestItem;
import io.pciledger.ledger.domain.RejectedClaim;
import io.pciledger.ledger.domain.Requester;
import io.pciledger.ledger.domain.VnicType;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code bench decide}: the ledger's domain work per command, without Kafka, RocksDB or serdes. On typical 64-device
 * hosts ({@link TypicalHost}) each step claims one {@code direct} port (a VF) and releases the host's oldest claim, so
 * that every host holds {@code --held} claims. Per command it makes the processor's domain calls: the decision, the
 * host's next check, and what is written with it (the host's availability, the change of its group counts, its
 * pools). Left out: the audit stores, the Avro conversions and the group registrations (every group is public here).
 * The end-to-end benchmarks spread too widely from run to run to show a change of a few microseconds; this one
 * spreads about ±12 % (docs/benchmarks.md). It has no target: it says how much of the stream thread's time per
 * command ({@code bench claims}' {@code stream_thread_cpu_us_per_command}) is the domain's.
 * Ended claims are not archived here (the ledger's archive is a RocksDB store, looked up per claim id): every claim
 * id is new, and millions of commands would otherwise fill the heap.
 */
@Command(name = "decide", mixinStandardHelpOptions = true,
        description = "The ledger's domain work per command (decide, then derive availability, counts and pools), "
                + "without Kafka.")
public final class DecideBenchmark implements Callable<Integer> {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final Requester TENANT = Requester.tenant("bench");
    private static final List<RequestItem> ONE_VF = List.of(RequestItem.port(VnicType.DIRECT, TypicalHost.PHYSNET));
    /** Each step claims before it releases, so a host must have a VF free beyond those it holds. */
    private static final int MOST_HELD = 2 * TypicalHost.VFS_PER_PF - 1;
    /** The ledger's default, as far as the next check goes: the benchmark's hosts never fall silent. */
    private static final Duration STALE_AFTER = Duration.ofMinutes(5);

    @ParentCommand
    private BenchCommand bench;

    @Spec
    private CommandSpec spec;

    @Option(names = "--hosts", defaultValue = "100", description = "Hosts the claims go to in turn (default "
            + "${DEFAULT-VALUE}).")
    private int hostCount;

    @Option(names = "--held", defaultValue = "8", description = "Claims each host holds while the next is decided "
            + "(default ${DEFAULT-VALUE}; at most " + MOST_HELD + ": each step claims one more before it releases).")
    private int held;

    @Option(names = "--commands", defaultValue = "400000", description = "Commands per run, as many claims as "
            + "releases, so an even number (default ${DEFAULT-VALUE}).")
    private int commands;

    @Option(names = "--warmup", defaultValue = "3", description = "Unmeasured runs first (default ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--runs", defaultValue = "5", description = "Measured runs (default ${DEFAULT-VALUE}).")
    private int runs;

    @Override
    public Integer call() throws IOException {
        require(hostCount >= 1, "--hosts must be at least 1, not " + hostCount);
        require(held >= 0 && held <= MOST_HELD, "--held must be from 0 to " + MOST_HELD + " (a host has "
                + 2 * TypicalHost.VFS_PER_PF + " VFs and each step claims one before it releases), not " + held);
        require(commands >= 2 && commands % 2 == 0, "--commands must be even (a claim and a release a step) and at "
                + "least 2, not " + commands);
        require(warmup >= 0, "--warmup must be at least 0, not " + warmup);
        require(runs >= 1, "--runs must be at least 1, not " + runs);
        final Fleet fleet = new Fleet(hostCount, held);
        final Samples perCommand = new Samples();
        final List<Double> runMicros = new ArrayList<>();
        for (int run = 0; run < warmup + runs; run++) {
            final long started = System.nanoTime();
            fleet.step(commands / 2);
            final double micros = (System.nanoTime() - started) / 1e3 / commands;
            if (run >= warmup) {
                perCommand.add(micros);
                runMicros.add(AgentScanBenchmark.round(micros));
            }
        }
        final BenchmarkResult result = new BenchmarkResult("decide", BenchmarkResult.figures(
                "hosts", hostCount + " x " + TypicalHost.DEVICES + " devices (" + 2 * TypicalHost.VFS_PER_PF
                        + " VFs)",
                "claims_held_per_host", held,
                "command", "claim 1 direct port (a VF) on the next host, release that host's oldest claim; after each:"
                        + " availability, group-count change and pools derived",
                "runs", runs + " x " + commands + " commands after " + warmup + " warm-up",
                "domain_us_per_command_median", AgentScanBenchmark.round(perCommand.median()),
                "domain_us_per_command_runs", runMicros,
                "checked", "every claim granted, every release answered"),
                "none: what the domain costs the ledger per command", true);
        ResultsWriter.write(result, bench.resultsFolder(), bench.out());
        return 0;
    }

    private void require(final boolean holds, final String otherwise) {
        if (!holds) {
            throw new ParameterException(spec.commandLine(), otherwise);
        }
    }

    /** The hosts and their claims, stepped in turn. */
    private static final class Fleet {

        private final List<HostLedger> ledgers = new ArrayList<>();
        private final List<HostGroupCounts> counts = new ArrayList<>();
        private final List<ArrayDeque<String>> claims = new ArrayList<>();
        private long nextClaim;
        private long nextCommand;
        private int nextHost;

        Fleet(final int hostCount, final int held) {
            for (int index = 0; index < hostCount; index++) {
                final HostLedgerSession session = new HostLedgerSession(
                        HostLedger.empty(TypicalHost.name(index), new NothingArchived()), null);
                session.report(new InventoryFact.HostSnapshot(TypicalHost.devices(index)),
                        new Cause("snapshot-" + index, TypicalHost.name(index), AT));
                ledgers.add(session.ledger());
                counts.add(HostGroupCounts.of(session.ledger()));
                claims.add(new ArrayDeque<>());
            }
            for (int claim = 0; claim < held * hostCount; claim++) {
                claimOnNextHost();
            }
        }

        /** {@code count} times: a claim on the next host, and the release of that host's oldest claim. */
        void step(final int count) {
            for (int i = 0; i < count; i++) {
                final int host = claimOnNextHost();
                decide(host, new ReleaseRequest(claims.get(host).removeFirst(), null));
            }
        }

        private int claimOnNextHost() {
            final int host = nextHost;
            nextHost = (nextHost + 1) % ledgers.size();
            final String claimId = "claim-" + nextClaim++;
            decide(host, new ClaimRequest(claimId, TENANT.actor(), "vm", ONE_VF, false, null));
            claims.get(host).addLast(claimId);
            return host;
        }

        /** The ledger processor's domain calls for a command: decide, next check, then derive what it writes. */
        private void decide(final int host, final io.pciledger.ledger.domain.Command command) {
            final HostLedger ledger = ledgers.get(host);
            final HostLedgerSession session = new HostLedgerSession(ledger, AT);
            final Answer answer = session.handle(command, TENANT, GroupDirectory.empty(),
                    new Cause("command-" + nextCommand++, TENANT.actor(), AT));
            if (answer.outcome() instanceof CommandOutcome.Rejected refused) {
                throw new IllegalStateException(command + " was refused: " + refused);
            }
            if (session.nextCheckDue(STALE_AFTER).isEmpty()) {
                throw new IllegalStateException(ledger.host() + " has no next check after " + command);
            }
            final Map<String, Availability> standing = Availability.of(ledger);
            final HostGroupCounts after = HostGroupCounts.of(ledger, standing);
            if (after.changeSince(counts.get(host)).isEmpty()) {
                throw new IllegalStateException(command + " changed no count of " + ledger.host());
            }
            if (HostPools.of(ledger, standing).pools().isEmpty()) {
                throw new IllegalStateException(ledger.host() + " has no pools after " + command);
            }
            counts.set(host, after);
        }
    }

    /** An archive that keeps nothing: every claim id of this benchmark is new. */
    private static final class NothingArchived implements ClaimArchive {

        @Override
        public Optional<Claim> endedClaim(final String claimId) {
            return Optional.empty();
        }

        @Override
        public Optional<RejectedClaim> rejection(final String claimId) {
            return Optional.empty();
        }

        @Override
        public void add(final Claim endedClaim) {
        }

        @Override
        public void add(final RejectedClaim rejection) {
        }
    }
}
