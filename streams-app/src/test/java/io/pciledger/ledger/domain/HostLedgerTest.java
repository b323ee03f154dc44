package io.pciledger.ledger.domain;

import static io.pciledger.ledger.domain.Devices.pci;
import static io.pciledger.ledger.domain.Requests.claim;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pciledger.ledger.domain.LedgerEvent.DeviceAdded;
import io.pciledger.ledger.domain.LedgerEvent.DevicesClaimed;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostLedgerTest {

    private static final Device GPU = pci("0000:af:00.0", "gpu", 0);

    @Test
    void replayingTheRecordsGivesTheLiveLedger() {
        final TestHost host = TestHost.with(GPU, pci("0000:b0:00.0", "gpu", 0));
        host.granted(claim("c1", RequestItem.devices("gpu", 1)).withTtl(Duration.ofMinutes(1)));
        host.rejected(claim("c2", RequestItem.devices("gpu", 5)));
        host.vanish(GPU.address());
        host.advance(Duration.ofMinutes(5));
        host.checkLiveness(Duration.ofMinutes(1));
        host.expire();

        assertThat(HostLedger.replay(TestHost.NAME, host.history())).isEqualTo(host.ledger());
    }

    @Test
    void restoringFromItsPartsGivesTheSameLedger() {
        final TestHost host = TestHost.with(GPU);
        host.granted(claim("c1", RequestItem.devices("gpu", 1)));
        final HostLedger ledger = host.ledger();

        final HostLedger restored = HostLedger.restore(ledger.host(), ledger.nextSeq(),
                ledger.staleSince().orElse(null), ledger.devices(), ledger.liveClaims(), ledger.groupsSeen(),
                ledger.archive());

        assertThat(restored).isEqualTo(ledger);
    }

    @Test
    void anEndedClaimAndARefusalLeaveTheLiveStateForTheArchiveAndStillAnswerRetries() {
        final TestHost host = TestHost.with(GPU);
        final ClaimRequest granted = claim("c1", RequestItem.devices("gpu", 1));
        final ClaimRequest refused = claim("c2", RequestItem.devices("gpu", 5));
        final CommandOutcome grant = host.claim(granted).outcome();
        final CommandOutcome refusal = host.claim(refused).outcome();
        host.release("c1");

        assertThat(host.ledger().liveClaims()).isEmpty();
        assertThat(host.ledger().archive().endedClaim("c1")).hasValueSatisfying(
                claim -> assertThat(claim.status()).isEqualTo(ClaimStatus.RELEASED));
        assertThat(host.ledger().archive().rejection("c2")).isPresent();
        assertThat(host.claim(granted).outcome()).isEqualTo(grant);
        assertThat(host.claim(refused).outcome()).isEqualTo(refusal);
        assertThat(host.claim(claim("c1", RequestItem.devices("gpu", 2))).outcome()).isInstanceOfSatisfying(
                CommandOutcome.Rejected.class,
                rejected -> assertThat(rejected.reason()).isEqualTo(RejectReason.CLAIM_ID_CONFLICT));
    }

    @Test
    void recordOutOfSequenceIsRefused() {
        final HostLedger ledger = HostLedger.empty(TestHost.NAME);

        assertThatThrownBy(() -> ledger.apply(record(2, new DeviceAdded(GPU))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("record 2 of host compute-1 is out of sequence: the next is 1");
    }

    @Test
    void recordOfAnotherHostIsRefused() {
        final HostLedger ledger = HostLedger.empty("compute-2");

        assertThatThrownBy(() -> ledger.apply(record(1, new DeviceAdded(GPU))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("host compute-1");
    }

    @Test
    void eventThatDoesNotFitTheStateIsRefusedAndChangesNothing() {
        final HostLedger ledger = HostLedger.empty(TestHost.NAME);
        ledger.apply(record(1, new DeviceAdded(GPU)));
        final HostLedger before = HostLedger.replay(TestHost.NAME, List.of(record(1, new DeviceAdded(GPU))));
        final DevicesClaimed claimOfUnknownDevice = new DevicesClaimed("c1", "acme", "vm", "h",
                List.of(new ClaimedDevice(GPU.address(), "gpu", DevType.TYPE_PCI, null, 0, null, 0),
                        new ClaimedDevice("0000:b0:00.0", "gpu", DevType.TYPE_PCI, null, 0, null, 0)),
                false, null);

        assertThatThrownBy(() -> ledger.apply(record(2, claimOfUnknownDevice)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("device 0000:b0:00.0 is not free");
        assertThat(ledger).isEqualTo(before);
    }

    private static LedgerRecord record(final long seq, final LedgerEvent event) {
        return new LedgerRecord(TestHost.NAME, seq, TestHost.START, "fact-" + seq, TestHost.NAME, event);
    }
}
