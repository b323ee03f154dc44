package io.pciledger.ledger.domain;

import static io.pciledger.ledger.domain.Devices.pci;
import static io.pciledger.ledger.domain.Requests.claim;
import static io.pciledger.ledger.domain.TestHost.events;
import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.ledger.domain.CommandOutcome.Confirmed;
import io.pciledger.ledger.domain.CommandOutcome.Rejected;
import io.pciledger.ledger.domain.CommandOutcome.Released;
import io.pciledger.ledger.domain.LedgerEvent.ClaimConfirmed;
import io.pciledger.ledger.domain.LedgerEvent.ClaimExpired;
import io.pciledger.ledger.domain.LedgerEvent.DeviceRemoved;
import io.pciledger.ledger.domain.LedgerEvent.DevicesReleased;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimLifecycleTest {

    private static final Duration TTL = Duration.ofMinutes(5);
    private static final Device GPU_0 = pci("0000:af:00.0", "gpu", 0);
    private static final Device GPU_1 = pci("0000:b0:00.0", "gpu", 0);

    private final TestHost host = TestHost.with(GPU_0, GPU_1);

    @Test
    void confirmRecordsItAndAnswersWithItsSequence() {
        host.granted(claim("c1", RequestItem.devices("gpu", 1)).withTtl(TTL));

        final Answer answer = host.confirm("c1");

        assertThat(events(answer.records())).containsExactly(new ClaimConfirmed("c1"));
        assertThat(answer.outcome()).isEqualTo(new Confirmed(answer.records().get(0).seq()));
    }

    @Test
    void confirmedClaimDoesNotExpire() {
        host.granted(claim("c1", RequestItem.devices("gpu", 1)).withTtl(TTL));
        host.confirm("c1");
        host.advance(TTL.multipliedBy(2));

        assertThat(host.expire()).isEmpty();
        assertThat(host.device(GPU_0.address()).holder()).isEqualTo("c1");
    }

    @Test
    void confirmTwiceAnswersTheSameAndRecordsNothing() {
        host.granted(claim("c1", RequestItem.devices("gpu", 1)));
        final Answer first = host.confirm("c1");

        final Answer again = host.confirm("c1");

        assertThat(again.outcome()).isEqualTo(first.outcome());
        assertThat(again.records()).isEmpty();
    }

    @Test
    void releaseFreesTheDevicesAndAnswersWhichOnes() {
        host.granted(claim("c1", RequestItem.devices("gpu", 2)));

        final Answer answer = host.release("c1");

        final List<String> both = List.of(GPU_0.address(), GPU_1.address());
        assertThat(events(answer.records())).containsExactly(new DevicesReleased("c1", both, "instance deleted"));
        assertThat(answer.outcome()).isEqualTo(new Released(both, false, answer.records().get(0).seq()));
        assertThat(host.counts().of("gpu").available()).isEqualTo(2);
    }

    @Test
    void releaseTwiceAnswersTheFirstReleaseAndRecordsNothing() {
        host.granted(claim("c1", RequestItem.devices("gpu", 1)));
        final Answer first = host.release("c1");

        final Answer again = host.release("c1");

        assertThat(again.outcome()).isEqualTo(first.outcome());
        assertThat(again.records()).isEmpty();
    }

    @Test
    void releaseGivesUpALostDeviceAndRemovesItFromTheHost() {
        host.granted(claim("c1", RequestItem.devices("gpu", 2)));
        host.vanish(GPU_1.address());

        final Answer answer = host.release("c1");

        assertThat(events(answer.records())).containsExactly(
                new DevicesReleased("c1", List.of(GPU_0.address(), GPU_1.address()), "instance deleted"),
                new DeviceRemoved(GPU_1.address(), "gpu"));
        assertThat(host.ledger().device(GPU_1.address())).isEmpty();
        assertThat(host.counts().of("gpu")).isEqualTo(new GroupCount(1, 1, 0, 0, 0));
    }

    @Test
    void lostDeviceReportedAfterItsClaimEndedComesBackFree() {
        host.granted(claim("c1", RequestItem.devices("gpu", 1)));
        host.vanish(GPU_0.address());
        host.release("c1");

        host.discover(GPU_0);

        assertThat(host.device(GPU_0.address()).status()).isEqualTo(DeviceStatus.FREE);
    }

    @Test
    void unknownClaimCannotBeConfirmedOrReleased() {
        assertThat(host.confirm("nope").outcome()).isEqualTo(
                new Rejected(RejectReason.UNKNOWN_CLAIM, "host compute-1 has no claim nope"));
        assertThat(((Rejected) host.release("nope").outcome()).reason()).isEqualTo(RejectReason.UNKNOWN_CLAIM);
    }

    @Test
    void refusedClaimIsNotLive() {
        host.rejected(claim("c1", RequestItem.devices("gpu", 3)));

        assertThat(((Rejected) host.confirm("c1").outcome()).reason()).isEqualTo(RejectReason.CLAIM_NOT_LIVE);
        assertThat(((Rejected) host.release("c1").outcome()).reason()).isEqualTo(RejectReason.CLAIM_NOT_LIVE);
    }

    @Test
    void releasedClaimCannotBeConfirmed() {
        host.granted(claim("c1", RequestItem.devices("gpu", 1)));
        host.release("c1");

        final Answer answer = host.confirm("c1");

        assertThat(((Rejected) answer.outcome()).reason()).isEqualTo(RejectReason.CLAIM_NOT_LIVE);
        assertThat(answer.records()).isEmpty();
    }

    @Test
    void anotherTenantMayNotReleaseAClaim() {
        host.granted(claim("c1", RequestItem.devices("gpu", 1)));

        final Answer answer = host.handle(new ReleaseRequest("c1", null), Requester.tenant("globex"));

        assertThat(((Rejected) answer.outcome()).reason()).isEqualTo(RejectReason.NOT_AUTHORIZED);
        assertThat(host.device(GPU_0.address()).holder()).isEqualTo("c1");
    }

    @Test
    void unconfirmedClaimIsReleasedAsExpiredWhenItsTimeRunsOut() {
        host.granted(claim("c1", RequestItem.devices("gpu", 1)).withTtl(TTL));
        host.advance(TTL);

        assertThat(events(host.expire())).containsExactly(new ClaimExpired("c1", List.of(GPU_0.address())));
        assertThat(host.device(GPU_0.address()).status()).isEqualTo(DeviceStatus.FREE);
        assertThat(host.ledger().claim("c1").orElseThrow().status()).isEqualTo(ClaimStatus.EXPIRED);
    }

    @Test
    void claimIsNotExpiredBeforeItsTime() {
        host.granted(claim("c1", RequestItem.devices("gpu", 1)).withTtl(TTL));
        host.advance(TTL.minusMillis(1));

        assertThat(host.expire()).isEmpty();
    }

    @Test
    void claimsExpireOldestDeadlineFirstAndOnlyOnce() {
        host.granted(claim("late", RequestItem.devices("gpu", 1)).withTtl(TTL));
        host.granted(claim("early", RequestItem.devices("gpu", 1)).withTtl(Duration.ofMinutes(1)));
        host.advance(TTL);

        assertThat(events(host.expire())).extracting(event -> ((ClaimExpired) event).claimId())
                .containsExactly("early", "late");
        assertThat(host.expire()).isEmpty();
    }

    @Test
    void releasingAnExpiredClaimAnswersTheExpiry() {
        host.granted(claim("c1", RequestItem.devices("gpu", 1)).withTtl(TTL));
        host.advance(TTL);
        final long expirySeq = host.expire().get(0).seq();

        assertThat(host.release("c1").outcome())
                .isEqualTo(new Released(List.of(GPU_0.address()), true, expirySeq));
    }

    @Test
    void theNextExpiryIsTheEarliestDeadlineOfAClaimNotConfirmed() {
        host.granted(claim("late", RequestItem.devices("gpu", 1)).withTtl(TTL));
        host.granted(claim("early", RequestItem.devices("gpu", 1)).withTtl(Duration.ofMinutes(1)));

        assertThat(ClaimLifecycle.nextExpiry(host.ledger())).contains(TestHost.START.plus(Duration.ofMinutes(1)));
        host.confirm("early");
        assertThat(ClaimLifecycle.nextExpiry(host.ledger())).contains(TestHost.START.plus(TTL));
    }

    @Test
    void claimsWithoutTimeToLiveOrConfirmedHaveNoNextExpiry() {
        host.granted(claim("kept", RequestItem.devices("gpu", 1)));
        host.granted(claim("confirmed", RequestItem.devices("gpu", 1)).withTtl(TTL));
        host.confirm("confirmed");

        assertThat(ClaimLifecycle.nextExpiry(host.ledger())).isEmpty();
    }

    @Test
    void expiryRecordsNothingBeforeTheNextExpiryAndExpiresTheClaimAtIt() {
        host.granted(claim("c1", RequestItem.devices("gpu", 1)).withTtl(TTL));
        final Instant due = ClaimLifecycle.nextExpiry(host.ledger()).orElseThrow();

        host.advance(Duration.between(host.now(), due).minusNanos(1));
        assertThat(host.expire()).isEmpty();
        host.advance(Duration.ofNanos(1));
        assertThat(events(host.expire())).containsExactly(new ClaimExpired("c1", List.of(GPU_0.address())));
        assertThat(ClaimLifecycle.nextExpiry(host.ledger())).isEmpty();
    }
}
