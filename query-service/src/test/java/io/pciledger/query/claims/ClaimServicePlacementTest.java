package io.pciledger.query.claims;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.ledger.avro.ClaimResults;
import io.pciledger.ledger.avro.Commands;
import io.pciledger.ledger.domain.ClaimRequest;
import io.pciledger.ledger.domain.CommandOutcome;
import io.pciledger.ledger.domain.CommandOutcome.Granted;
import io.pciledger.ledger.domain.CommandOutcome.Rejected;
import io.pciledger.ledger.domain.DevType;
import io.pciledger.ledger.domain.HostPools;
import io.pciledger.ledger.domain.Pool;
import io.pciledger.ledger.domain.RejectReason;
import io.pciledger.ledger.domain.RequestItem;
import io.pciledger.ledger.domain.Requester;
import io.pciledger.query.candidates.FleetPools;
import io.pciledger.schemas.command.Command;
import io.pciledger.schemas.result.ClaimResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * Placement of a claim without a host, without Kafka: a fake ledger grants on the hosts that have a GPU free and
 * refuses elsewhere, and the host pools the service places from are set by each test, as stale as it likes.
 */
class ClaimServicePlacementTest {

    private static final Requester TENANT = Requester.tenant("acme");
    private static final ClaimRequest ONE_GPU = new ClaimRequest("vm-1/gpu", "acme", "vm-1",
            List.of(RequestItem.devices("gpu", 1)), false, null);

    private final FleetPools pools = new FleetPools();
    private final FakeLedger ledger = new FakeLedger();

    private static HostPools gpus(final String host, final int free) {
        return new HostPools(host, false, List.of(new Pool("gpu", DevType.TYPE_PCI, 0, 1, free)));
    }

    private ClaimService service(final int attempts, final Supplier<CompletableFuture<Void>> readToNow) {
        return new ClaimService(ledger, ledger, pools, readToNow, Duration.ofSeconds(5), attempts,
                Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC), Runnable::run,
                (stage, nanos) -> { });
    }

    private static ClaimAnswer answered(final CompletableFuture<ClaimAnswer> answer) throws Exception {
        return answer.get(5, TimeUnit.SECONDS);
    }

    @Test
    void withNoCandidateThePoolsAreReadToNowAndTheFreedHostIsTried() throws Exception {
        ledger.freeOn("b");
        final AtomicInteger reads = new AtomicInteger();
        final ClaimService claims = service(3, () -> {
            reads.incrementAndGet();
            pools.put(gpus("b", 1)); // the release that freed b, read at last
            return CompletableFuture.completedFuture(null);
        });

        final ClaimAnswer answer = answered(claims.claim(TENANT, ONE_GPU, null, Optional.empty()));

        assertThat(answer.outcome()).isInstanceOf(Granted.class);
        assertThat(answer.host()).isEqualTo("b");
        assertThat(reads).hasValue(1);
    }

    @Test
    void afterEveryCandidateRefusedOnlyHostsNotTriedYetAreTried() throws Exception {
        pools.put(gpus("a", 1)); // stale: a's GPU was just granted to someone else
        ledger.freeOn("c");
        final ClaimService claims = service(1, () -> {
            pools.put(gpus("c", 1));
            return CompletableFuture.completedFuture(null);
        });

        final ClaimAnswer answer = answered(claims.claim(TENANT, ONE_GPU, null, Optional.empty()));

        assertThat(answer.host()).isEqualTo("c");
        assertThat(answer.outcome()).isInstanceOf(Granted.class);
        assertThat(answer.attempts()).extracting(PlacementAttempt::host).containsExactly("a");
        assertThat(ledger.hostsAsked()).containsExactly("a", "c");
    }

    @Test
    void whenThePoolsCannotBeReadTheLastRefusalIsTheAnswer() throws Exception {
        pools.put(gpus("a", 1));
        final ClaimService claims = service(1,
                () -> CompletableFuture.failedFuture(new IllegalStateException("stopped following pci.host-pools")));

        final ClaimAnswer answer = answered(claims.claim(TENANT, ONE_GPU, null, Optional.empty()));

        assertThat(answer.host()).isEqualTo("a");
        assertThat(answer.outcome()).isInstanceOfSatisfying(Rejected.class,
                refused -> assertThat(refused.reason()).isEqualTo(RejectReason.INSUFFICIENT_DEVICES));
        assertThat(ledger.hostsAsked()).containsExactly("a");
    }

    @Test
    void nothingNewInTheCurrentPoolsLeavesTheNoHostAnswer() throws Exception {
        final ClaimService claims = service(3, () -> CompletableFuture.completedFuture(null));

        final ClaimAnswer answer = answered(claims.claim(TENANT, ONE_GPU, null, Optional.empty()));

        assertThat(answer.host()).isNull();
        assertThat(answer.outcome()).isInstanceOfSatisfying(Rejected.class,
                refused -> assertThat(refused.message()).startsWith("no host"));
        assertThat(ledger.hostsAsked()).isEmpty();
    }

    @Test
    void aRetryWhileTheClaimIsBeingPlacedGetsThatPlacementsAnswer() throws Exception {
        pools.put(gpus("a", 1));
        ledger.freeOn("c");
        final CompletableFuture<Void> poolsRead = new CompletableFuture<>();
        final ClaimService claims = service(1, () -> poolsRead);

        final CompletableFuture<ClaimAnswer> first = claims.claim(TENANT, ONE_GPU, null, Optional.empty());
        // a refused; the placement now waits for the pools. A retry sent to a would get its refusal.
        final CompletableFuture<ClaimAnswer> retry = claims.claim(TENANT, ONE_GPU, null, Optional.empty());
        assertThat(retry).isNotDone();
        pools.put(gpus("c", 1));
        poolsRead.complete(null);

        assertThat(answered(retry)).isEqualTo(answered(first));
        assertThat(answered(first).host()).isEqualTo("c");
        assertThat(ledger.hostsAsked()).containsExactly("a", "c");
    }

    /**
     * Decides each command at once, as it is sent: a claim is granted one GPU on a host named by {@link #freeOn},
     * once, and refused for lack of devices anywhere else.
     */
    private static final class FakeLedger implements CommandSink, ResultSource {

        private final Map<String, CompletableFuture<ClaimResult>> expected = new ConcurrentHashMap<>();
        private final Set<String> free = ConcurrentHashMap.newKeySet();
        private final List<String> asked = new ArrayList<>();

        void freeOn(final String host) {
            free.add(host);
        }

        synchronized List<String> hostsAsked() {
            return List.copyOf(asked);
        }

        @Override
        public CompletableFuture<ClaimResult> expect(final String commandId) {
            return expected.computeIfAbsent(commandId, id -> new CompletableFuture<>());
        }

        @Override
        public void forget(final String commandId) {
            expected.remove(commandId);
        }

        @Override
        public Future<RecordMetadata> send(final Command command, final Callback acknowledged) {
            final String host = command.getHost();
            synchronized (this) {
                asked.add(host);
            }
            final CommandOutcome outcome = free.remove(host)
                    ? new Granted(List.of(), true, 1, null)
                    : new Rejected(RejectReason.INSUFFICIENT_DEVICES, "1 device of group gpu requested, 0 free on "
                            + host);
            acknowledged.onCompletion(null, null);
            expect(command.getCommandId()).complete(ClaimResults.toAvro(Commands.toDomain(command).claimId(),
                    command.getCommandId(), host, Instant.now(), outcome));
            return CompletableFuture.completedFuture(null);
        }
    }
}
