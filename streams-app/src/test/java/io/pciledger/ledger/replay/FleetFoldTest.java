package io.pciledger.ledger.replay;

import static io.pciledger.ledger.replay.FleetHistory.T0;
import static io.pciledger.ledger.replay.FleetHistory.gpu;
import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.ledger.domain.DeviceStatus;
import io.pciledger.ledger.domain.GroupCount;
import io.pciledger.ledger.domain.HostLedger;
import io.pciledger.ledger.domain.HostPools;
import io.pciledger.ledger.domain.LedgerDevice;
import io.pciledger.ledger.domain.LedgerRecord;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetFoldTest {

    private static final Instant T1 = T0.plusSeconds(60);
    private static final Instant T2 = T0.plusSeconds(120);
    private static final Instant T3 = T0.plusSeconds(180);

    /** compute-a: two GPUs at T0, c-1 takes one at T1 and gives it back at T3; compute-b: one GPU at T2. */
    private static FleetHistory history() {
        return new FleetHistory()
                .discover("compute-a", T0, gpu("0000:af:00.0"), gpu("0000:b0:00.0"))
                .claim("compute-a", T1, "c-1", 1)
                .discover("compute-b", T2, gpu("0000:af:00.0"))
                .release("compute-a", T3, "c-1");
    }

    @Test
    void replayingEverythingGivesEveryHostsLiveLedger() {
        final FleetHistory history = history();

        final FleetState state = history.replay(ReplayCut.until(Instant.MAX));

        assertThat(state.ledgers()).containsOnlyKeys("compute-a", "compute-b");
        assertThat(state.ledgers().get("compute-a")).isEqualTo(history.ledger("compute-a"));
        assertThat(state.ledgers().get("compute-b")).isEqualTo(history.ledger("compute-b"));
        assertThat(state.eventsApplied()).isEqualTo(history.records().size());
        assertThat(state.problems()).isEmpty();
    }

    @Test
    void anInstantKeepsTheEventsDecidedAtOrBeforeIt() {
        final FleetState state = history().replay(ReplayCut.until(T1));

        final HostLedger a = state.ledger("compute-a").orElseThrow();
        assertThat(a.liveClaims()).extracting(claim -> claim.claimId()).containsExactly("c-1");
        assertThat(a.devices()).extracting(LedgerDevice::status)
                .containsExactlyInAnyOrder(DeviceStatus.CLAIMED, DeviceStatus.FREE);
        assertThat(a.nextSeq()).isEqualTo(4);
    }

    @Test
    void aHostWhoseFirstEventIsAfterTheInstantIsNotInTheFleet() {
        final FleetState state = history().replay(ReplayCut.until(T2.minusMillis(1)));

        assertThat(state.ledgers()).containsOnlyKeys("compute-a");
        assertThat(history().replay(ReplayCut.until(T0.minusMillis(1))).ledgers()).isEmpty();
    }

    @Test
    void positionsCutTheHostsNamedAndReplayTheOthersWhole() {
        final FleetState state = history().replay(ReplayCut.atPositions(Map.of("compute-a", 2L)));

        assertThat(state.ledger("compute-a").orElseThrow().nextSeq()).isEqualTo(3);
        assertThat(state.ledger("compute-a").orElseThrow().liveClaims()).isEmpty();
        assertThat(state.ledger("compute-b")).isPresent();
    }

    @Test
    void poolsAndGroupCountsAreTheDomainsViewsOfTheReplayedLedgers() {
        final FleetHistory history = history();
        final FleetState state = history.replay(ReplayCut.until(T2));

        assertThat(state.pools().get("compute-a")).isEqualTo(HostPools.of(history.replay(ReplayCut.until(T2))
                .ledger("compute-a").orElseThrow()));
        assertThat(state.pools().get("compute-a").freeByGroup()).containsEntry("gpu", 1);
        assertThat(state.groupCounts()).containsEntry("gpu", new GroupCount(3, 2, 1, 0, 0));
    }

    @Test
    void aRecordThatDoesNotFitEndsItsHostsReplayAsAProblemAndTheOthersGoOn() {
        final FleetHistory history = history();
        final FleetFold fold = new FleetFold(ReplayCut.until(Instant.MAX));
        long offset = 0;
        for (final LedgerRecord record : history.records()) {
            if (!(record.host().equals("compute-a") && record.seq() == 3)) {
                fold.accept(record, "pci.ledger-0", offset);
            }
            offset++;
        }

        final FleetState state = fold.state();

        assertThat(state.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.host()).isEqualTo("compute-a");
            assertThat(problem.where()).isEqualTo("pci.ledger-0@4");
            assertThat(problem.reason()).contains("out of sequence");
        });
        assertThat(state.ledger("compute-a").orElseThrow().nextSeq()).isEqualTo(3);
        assertThat(state.ledger("compute-b")).contains(history.ledger("compute-b"));
        assertThat(fold.wants("compute-a")).isFalse();
        assertThat(fold.wants("compute-b")).isTrue();
    }

    @Test
    void anUndecodableRecordEndsItsHostsReplay() {
        final FleetFold fold = new FleetFold(ReplayCut.until(Instant.MAX));
        final LedgerRecord first = history().records().get(0);
        fold.accept(first, "pci.ledger-1", 0);

        fold.undecodable("compute-a", "pci.ledger-1", 1, "bad header");

        assertThat(fold.wants("compute-a")).isFalse();
        assertThat(fold.state().problems()).containsExactly(new ReplayProblem("compute-a", "pci.ledger-1@1",
                "bad header"));
        assertThat(fold.state().ledger("compute-a").orElseThrow().nextSeq()).isEqualTo(2);
    }
}
