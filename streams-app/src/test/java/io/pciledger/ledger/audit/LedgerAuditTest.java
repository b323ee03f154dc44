package io.pciledger.ledger.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.ledger.domain.ClaimRequest;
import io.pciledger.ledger.domain.ClaimedDevice;
import io.pciledger.ledger.domain.CommandOutcome;
import io.pciledger.ledger.domain.DevType;
import io.pciledger.ledger.domain.Device;
import io.pciledger.ledger.domain.HostLedger;
import io.pciledger.ledger.domain.LedgerEvent;
import io.pciledger.ledger.domain.LedgerRecord;
import io.pciledger.ledger.domain.RequestItem;
import io.pciledger.ledger.domain.VnicType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerAuditTest {

    private static final String HOST = "compute-001";
    private static final String PF = "0000:3b:00.0";
    private static final String VF = "0000:3b:02.1";

    private final LedgerAudit audit = new LedgerAudit();
    private long seq;

    @Test
    void aReleasedOrExpiredDeviceMayBeGrantedAgain() {
        apply(claimed("c-1", VF));
        apply(new LedgerEvent.DevicesReleased("c-1", List.of(VF), "instance deleted"));
        apply(claimed("c-2", VF));
        apply(new LedgerEvent.ClaimExpired("c-2", List.of(VF)));
        apply(claimed("c-3", VF));

        assertThat(audit.violations()).isEmpty();
        assertThat(audit.grantedClaims()).containsExactlyInAnyOrder("c-1", "c-2", "c-3");
        assertThat(audit.records()).isEqualTo(5);
    }

    @Test
    void aDeviceGrantedWhileAnotherClaimHoldsItIsAViolation() {
        apply(claimed("c-1", VF));
        apply(claimed("c-2", VF));

        assertThat(audit.violations()).singleElement().asString()
                .contains(VF).contains("claim c-2").contains("while claim c-1 held it");
    }

    @Test
    void aVfGrantedWhileItsPfIsHeldIsAViolation() {
        apply(claimedPf("c-1"));
        apply(claimed("c-2", VF));

        assertThat(audit.holdingProblems()).singleElement().asString()
                .contains("VF " + VF).contains("its PF is held by claim c-1");
    }

    @Test
    void aPfGrantedWhileOneOfItsVfsIsHeldIsAViolation() {
        apply(claimed("c-1", VF));
        apply(claimedPf("c-2"));

        assertThat(audit.holdingProblems()).singleElement().asString()
                .contains("PF " + PF).contains("its VF " + VF + " is held by claim c-1");
    }

    @Test
    void givingBackADeviceNotHeldIsAViolation() {
        apply(claimed("c-1", VF));
        apply(new LedgerEvent.DevicesReleased("c-2", List.of(VF), null));

        assertThat(audit.violations()).singleElement().asString().contains("c-2 gave back " + VF);
    }

    @Test
    void theSameClaimIdGrantedTwiceIsAViolation() {
        apply(claimed("c-1", VF));
        apply(new LedgerEvent.DevicesReleased("c-1", List.of(VF), null));
        apply(claimed("c-1", VF));

        assertThat(audit.violations()).singleElement().asString().contains("claim c-1 granted 2 times");
    }

    @Test
    void aGapInAHostsSequenceIsAViolation() {
        apply(claimed("c-1", VF));
        seq++;
        apply(new LedgerEvent.DevicesReleased("c-1", List.of(VF), null));

        assertThat(audit.violations()).singleElement().asString()
                .contains("host " + HOST).contains("has seq 3 where 2 was due");
    }

    @Test
    void hostsAreNumberedAndHeldApart() {
        apply(claimed("c-1", VF));
        audit.apply(new LedgerRecord("compute-002", 1, Instant.EPOCH, "cmd", "bench", claimed("c-2", VF)));

        assertThat(audit.violations()).isEmpty();
        assertThat(audit.records()).isEqualTo(2);
    }

    @Test
    void everyClaimIdSentMustBeDecidedOnceAndNothingElse() {
        apply(claimed("c-1", VF));
        apply(rejected("c-2"));
        apply(rejected("c-2"));
        apply(rejected("stray"));

        assertThat(audit.decisionProblems(List.of("c-1", "c-2", "c-3"))).containsExactly(
                "c-2 is decided 2 times", "c-3 is decided 0 times", "stray is decided but was never claimed");
        assertThat(audit.decisionsPerClaim()).containsEntry("c-1", 1).containsEntry("c-2", 2);
    }

    @Test
    void claimsWithATimeToLiveArePendingUntilReleasedOrExpired() {
        apply(new LedgerEvent.DevicesClaimed("c-1", "acme", "vm", "hash", List.of(vf(VF)), true,
                Instant.EPOCH.plusSeconds(60)));
        assertThat(audit.pendingExpiries()).isOne();

        apply(new LedgerEvent.ClaimExpired("c-1", List.of(VF)));
        assertThat(audit.pendingExpiries()).isZero();
    }

    @Test
    void theReplayHoldsTheGrantAndAnswersItsRetry() {
        apply(new LedgerEvent.DeviceAdded(device(PF, DevType.TYPE_PF, null)));
        apply(new LedgerEvent.DeviceAdded(device(VF, DevType.TYPE_VF, PF)));
        final ClaimRequest request = new ClaimRequest("c-1", "acme", "vm", List.of(RequestItem.port(VnicType.DIRECT,
                "physnet1")), false, null);
        apply(new LedgerEvent.DevicesClaimed("c-1", "acme", "vm", request.hash(), List.of(vf(VF)), true, null));

        final Map<String, HostLedger> hosts = audit.replay();

        assertThat(hosts.get(HOST).claim("c-1")).hasValueSatisfying(claim ->
                assertThat(claim.addresses()).containsExactly(VF));
        assertThat(LedgerAudit.expectedAnswer(hosts.get(HOST), request)).hasValueSatisfying(answer ->
                assertThat(answer).isInstanceOf(CommandOutcome.Granted.class));
        assertThat(audit.kinds()).containsEntry("DeviceAdded", 2L).containsEntry("DevicesClaimed", 1L);
    }

    private void apply(final LedgerEvent event) {
        audit.apply(new LedgerRecord(HOST, ++seq, Instant.EPOCH, "cmd-" + seq, "acme", event));
    }

    private static LedgerEvent.DevicesClaimed claimed(final String claimId, final String address) {
        return new LedgerEvent.DevicesClaimed(claimId, "acme", "vm-" + claimId, "hash", List.of(vf(address)), true,
                null);
    }

    private static LedgerEvent.DevicesClaimed claimedPf(final String claimId) {
        return new LedgerEvent.DevicesClaimed(claimId, "acme", "vm-" + claimId, "hash", List.of(new ClaimedDevice(
                PF, "physnet1", DevType.TYPE_PF, VnicType.DIRECT_PHYSICAL, 0, null, 0)), false, null);
    }

    private static LedgerEvent.ClaimRejected rejected(final String claimId) {
        return new LedgerEvent.ClaimRejected(claimId, "acme", "vm", "hash",
                io.pciledger.ledger.domain.RejectReason.INSUFFICIENT_DEVICES, "no free VF");
    }

    private static ClaimedDevice vf(final String address) {
        return new ClaimedDevice(address, "physnet1", DevType.TYPE_VF, VnicType.DIRECT, 0, PF, 0);
    }

    private static Device device(final String address, final DevType type, final String parent) {
        return new Device(address, "8086", type == DevType.TYPE_PF ? "1592" : "1889", "020000", type, parent, 0,
                null, "ice", "physnet1", Map.of("physical_network", "physnet1"));
    }
}
