package io.pciledger.ledger.domain;

import static io.pciledger.ledger.domain.Devices.pci;
import static io.pciledger.ledger.domain.Requests.claim;
import static io.pciledger.ledger.domain.TestHost.events;
import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.ledger.domain.LedgerEvent.DeviceAdded;
import io.pciledger.ledger.domain.LedgerEvent.HostMarkedStale;
import io.pciledger.ledger.domain.LedgerEvent.HostReturned;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LivenessRuleTest {

    private static final Duration STALE_AFTER = Duration.ofMinutes(3);
    private static final Device GPU = pci("0000:af:00.0", "gpu", 0);

    @Test
    void hostSilentLongerThanTheIntervalIsMarkedStale() {
        final TestHost host = TestHost.with(GPU);
        host.advance(STALE_AFTER.plusSeconds(1));

        assertThat(events(host.checkLiveness(STALE_AFTER))).containsExactly(new HostMarkedStale(TestHost.START));
        assertThat(host.ledger().isStale()).isTrue();
    }

    @Test
    void hostHeardWithinTheIntervalStaysFresh() {
        final TestHost host = TestHost.with(GPU);
        host.advance(STALE_AFTER.minusSeconds(1));
        host.heartbeat();
        host.advance(STALE_AFTER);

        assertThat(host.checkLiveness(STALE_AFTER)).isEmpty();
    }

    @Test
    void staleHostIsMarkedOnce() {
        final TestHost host = TestHost.with(GPU);
        host.advance(STALE_AFTER.plusSeconds(1));
        host.checkLiveness(STALE_AFTER);
        host.advance(STALE_AFTER);

        assertThat(host.checkLiveness(STALE_AFTER)).isEmpty();
    }

    @Test
    void nextFactAfterStaleRecordsHostReturnedFirst() {
        final TestHost host = TestHost.with(GPU);
        host.advance(STALE_AFTER.plusSeconds(1));
        host.checkLiveness(STALE_AFTER);
        final Instant markedAt = host.now();
        final Device other = pci("0000:b0:00.0", "gpu", 0);

        assertThat(events(host.discover(other))).containsExactly(new HostReturned(markedAt), new DeviceAdded(other));
        assertThat(host.ledger().isStale()).isFalse();
    }

    @Test
    void heartbeatAloneReturnsAStaleHost() {
        final TestHost host = TestHost.with(GPU);
        host.advance(STALE_AFTER.plusSeconds(1));
        host.checkLiveness(STALE_AFTER);

        assertThat(events(host.heartbeat())).containsExactly(new HostReturned(host.now()));
    }

    @Test
    void staleHostRejectsNewClaims() {
        final TestHost host = TestHost.with(GPU);
        host.advance(STALE_AFTER.plusSeconds(1));
        host.checkLiveness(STALE_AFTER);

        assertThat(host.rejected(claim("c1", RequestItem.devices("gpu", 1))).reason())
                .isEqualTo(RejectReason.HOST_STALE);
    }

    @Test
    void staleHostKeepsItsDevicesButOffersNoneAsFree() {
        final TestHost host = TestHost.with(GPU, pci("0000:b0:00.0", "gpu", 0));
        host.granted(claim("c1", RequestItem.devices("gpu", 1)));
        host.advance(STALE_AFTER.plusSeconds(1));

        host.checkLiveness(STALE_AFTER);

        assertThat(host.counts().of("gpu")).isEqualTo(new GroupCount(2, 0, 1, 1, 0));
        assertThat(host.pools().stale()).isTrue();
        assertThat(host.pools().freeByGroup()).containsEntry("gpu", 0);
    }

    @Test
    void hostWithoutHistoryIsNeverMarkedStale() {
        final TestHost host = new TestHost();
        host.heartbeat();
        host.advance(STALE_AFTER.multipliedBy(10));

        assertThat(host.checkLiveness(STALE_AFTER)).isEmpty();
    }

    @Test
    void aHostIsDueToGoStaleJustAfterTheIntervalSinceItsAgentWasHeard() {
        final TestHost host = TestHost.with(GPU);
        final Instant staleAt = LivenessRule.staleAt(host.ledger(), TestHost.START, STALE_AFTER).orElseThrow();

        host.advance(Duration.between(host.now(), staleAt).minusNanos(1));
        assertThat(host.checkLiveness(STALE_AFTER)).isEmpty();
        host.advance(Duration.ofNanos(1));
        assertThat(events(host.checkLiveness(STALE_AFTER))).containsExactly(new HostMarkedStale(TestHost.START));
    }

    @Test
    void aStaleHostANeverHeardHostAndAHostWithoutHistoryAreNotDueToGoStale() {
        final TestHost stale = TestHost.with(GPU);
        stale.advance(STALE_AFTER.plusSeconds(1));
        stale.checkLiveness(STALE_AFTER);

        assertThat(LivenessRule.staleAt(stale.ledger(), TestHost.START, STALE_AFTER)).isEmpty();
        assertThat(LivenessRule.staleAt(TestHost.with(GPU).ledger(), null, STALE_AFTER)).isEmpty();
        assertThat(LivenessRule.staleAt(new TestHost().ledger(), TestHost.START, STALE_AFTER)).isEmpty();
    }

    @Test
    void theNextCheckIsTheEarlierOfAClaimDeadlineAndGoingStaleAndMovesWhenTheAgentIsHeard() {
        final TestHost host = TestHost.with(GPU, pci("0000:b0:00.0", "gpu", 0));
        final Instant staleAt = TestHost.START.plus(STALE_AFTER).plusNanos(1);
        assertThat(host.nextCheckDue(STALE_AFTER)).contains(staleAt);

        host.granted(claim("c1", RequestItem.devices("gpu", 1)).withTtl(STALE_AFTER.plusMinutes(1)));
        assertThat(host.nextCheckDue(STALE_AFTER)).contains(staleAt);
        host.granted(claim("c2", RequestItem.devices("gpu", 1)).withTtl(Duration.ofMinutes(1)));
        assertThat(host.nextCheckDue(STALE_AFTER)).contains(TestHost.START.plus(Duration.ofMinutes(1)));

        host.confirm("c2");
        host.advance(Duration.ofMinutes(2));
        host.heartbeat();
        assertThat(host.nextCheckDue(STALE_AFTER)).contains(TestHost.START.plus(STALE_AFTER.plusMinutes(1)));
    }
}
