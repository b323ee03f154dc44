package io.pciledger.cli.audit;

import io.pciledger.cli.audit.FleetSnapshot.ClaimEntry;
import io.pciledger.cli.audit.FleetSnapshot.DeviceEntry;
import io.pciledger.cli.audit.FleetSnapshot.HostEntry;
import io.pciledger.cli.audit.LiveApi.DeviceListing;
import io.pciledger.cli.audit.LiveApi.HostListing;
import io.pciledger.cli.audit.LiveApi.HostStatus;
import io.pciledger.ledger.replay.FleetState;
import io.pciledger.ledger.replay.LedgerReplay;
import io.pciledger.ledger.replay.ReplayCut;
import io.pciledger.ledger.replay.ReplayProgress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * One comparison of the replayed ledger with the live state, at the ledger positions the API shows. The live state
 * moves while it is read, so each host is compared where the API saw it:
 *
 * <ol>
 *   <li>the API first: the host list, then each host's status and devices, whose answers name the host's ledger
 *       position ({@code ledger_seq});</li>
 *   <li>then {@code pci.ledger}, replayed up to each host's position (a host the API did not list, whole), so both
 *       sides show each host after the same event;</li>
 *   <li>then what only the replay can name: hosts the API did not list, and each live claim (the replay's, and those
 *       the API's devices name as holders);</li>
 *   <li>then the group counts, and every difference ({@link FleetComparison}).</li>
 * </ol>
 *
 * The claims and the cloud-wide figures (host list, group counts, from derived topics) are read after the positions,
 * so on a busy ledger they can differ for a moment without anything being wrong: the caller checks again before it
 * reports a difference.
 */
public final class FleetVerifier {

    private static final int PARALLEL_REQUESTS = 4;

    private final LiveApi api;
    private final LedgerReplay replay;
    private final Consumer<ReplayProgress> progress;

    public FleetVerifier(final LiveApi api, final LedgerReplay replay, final Consumer<ReplayProgress> progress) {
        this.api = api;
        this.replay = replay;
        this.progress = progress;
    }

    /**
     * What one comparison found.
     *
     * @param replayed    the fleet as replayed, up to the positions the API showed
     * @param differences every difference; empty when both sides agree
     */
    public record Verification(FleetSnapshot replayed, List<Difference> differences) {
    }

    /** Reads the API, replays the ledger up to the positions it showed, and compares. */
    public Verification verify() throws InterruptedException {
        api.requireAuditor();
        final ExecutorService requests = Executors.newFixedThreadPool(PARALLEL_REQUESTS);
        try {
            final List<HostListing> listed = api.hosts();
            final Map<String, HostStatus> statuses = new ConcurrentHashMap<>();
            final Map<String, DeviceListing> devices = new ConcurrentHashMap<>();
            readHosts(requests, listed.stream().map(HostListing::host).toList(), statuses, devices);
            final Map<String, Long> positions = new HashMap<>();
            devices.forEach((host, listing) -> positions.put(host, listing.ledgerSeq()));
            final FleetState state = replay.fleet(ReplayCut.atPositions(positions), progress);
            final FleetSnapshot replayed = FleetSnapshot.of(state, Instant.now());

            final List<String> unlisted = state.ledgers().keySet().stream()
                    .filter(host -> !devices.containsKey(host)).toList();
            readHosts(requests, unlisted, statuses, devices);
            final Map<String, Map<String, ClaimEntry>> claims = readClaims(requests, replayed, devices);
            final LiveFleet live = new LiveFleet(listed, statuses, devices, claims, api.groups());
            return new Verification(replayed, FleetComparison.of(replayed, live));
        } finally {
            requests.shutdownNow();
        }
    }

    private void readHosts(final ExecutorService requests, final Collection<String> hosts,
            final Map<String, HostStatus> statuses, final Map<String, DeviceListing> devices)
            throws InterruptedException {
        final List<Callable<Void>> reads = new ArrayList<>();
        for (final String host : hosts) {
            reads.add(() -> {
                api.host(host).ifPresent(status -> statuses.put(host, status));
                api.devices(host).ifPresent(listing -> devices.put(host, listing));
                return null;
            });
        }
        runAll(requests, reads);
    }

    /** Every claim the replay has live on a host, and every claim the API's devices name as a holder. */
    private Map<String, Map<String, ClaimEntry>> readClaims(final ExecutorService requests,
            final FleetSnapshot replayed, final Map<String, DeviceListing> devices) throws InterruptedException {
        final Map<String, SortedSet<String>> wanted = new HashMap<>();
        for (final HostEntry host : replayed.hosts()) {
            host.claims().forEach(claim -> wanted.computeIfAbsent(host.host(), h -> new TreeSet<>()).add(claim.claimId()));
        }
        devices.forEach((host, listing) -> listing.devices().stream().map(DeviceEntry::claimId)
                .filter(claimId -> claimId != null)
                .forEach(claimId -> wanted.computeIfAbsent(host, h -> new TreeSet<>()).add(claimId)));
        final Map<String, Map<String, ClaimEntry>> claims = new ConcurrentHashMap<>();
        final List<Callable<Void>> reads = new ArrayList<>();
        wanted.forEach((host, claimIds) -> claimIds.forEach(claimId -> reads.add(() -> {
            final Optional<ClaimEntry> claim = api.claim(host, claimId);
            // An ended claim is not live: the replay's live claims are compared with the live ones only.
            claim.filter(entry -> entry.status().equals("live") || entry.status().equals("confirmed"))
                    .ifPresent(entry -> claims.computeIfAbsent(host, h -> new ConcurrentHashMap<>())
                            .put(claimId, entry));
            return null;
        })));
        runAll(requests, reads);
        return claims;
    }

    private static void runAll(final ExecutorService requests, final List<Callable<Void>> reads)
            throws InterruptedException {
        for (final Future<Void> read : requests.invokeAll(reads)) {
            try {
                read.get();
            } catch (final ExecutionException e) {
                if (e.getCause() instanceof RuntimeException failure) {
                    throw failure;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
