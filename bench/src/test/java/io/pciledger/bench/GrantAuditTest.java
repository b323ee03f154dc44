package io.pciledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.ledger.domain.ClaimedDevice;
import io.pciledger.ledger.domain.DevType;
import io.pciledger.ledger.domain.LedgerEvent;
import io.pciledger.ledger.domain.LedgerRecord;
import io.pciledger.ledger.domain.VnicType;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrantAuditTest {

    private static final String HOST = "compute-001";
    private static final String VF = "0000:3b:02.1";

    private final GrantAudit audit = new GrantAudit();

    @Test
    void aDeviceGrantedWhileAnotherClaimHoldsItIsAViolation() {
        audit.apply(record(1, claimed("c-1", VF)));
        audit.apply(record(2, claimed("c-2", VF)));

        assertThat(audit.violations()).singleElement().asString()
                .contains(VF).contains("c-2").contains("while claim c-1 held it");
    }

    @Test
    void aReleasedDeviceMayBeGrantedAgain() {
        audit.apply(record(1, claimed("c-1", VF)));
        audit.apply(record(2, new LedgerEvent.DevicesReleased("c-1", List.of(VF), "instance deleted")));
        audit.apply(record(3, claimed("c-2", VF)));

        assertThat(audit.violations()).isEmpty();
        assertThat(audit.grantedClaims()).containsExactlyInAnyOrder("c-1", "c-2");
    }

    @Test
    void anExpiredClaimGivesItsDevicesBack() {
        audit.apply(record(1, claimed("c-1", VF)));
        audit.apply(record(2, new LedgerEvent.ClaimExpired("c-1", List.of(VF))));
        audit.apply(record(3, claimed("c-2", VF)));

        assertThat(audit.violations()).isEmpty();
    }

    @Test
    void theSameClaimIdGrantedTwiceIsAViolation() {
        audit.apply(record(1, claimed("c-1", VF)));
        audit.apply(record(2, new LedgerEvent.DevicesReleased("c-1", List.of(VF), null)));
        audit.apply(record(3, claimed("c-1", VF)));

        assertThat(audit.violations()).singleElement().asString().contains("claim c-1 granted again");
    }

    @Test
    void aGapInAHostsSequenceIsAViolation() {
        audit.apply(record(1, claimed("c-1", VF)));
        audit.apply(record(3, new LedgerEvent.DevicesReleased("c-1", List.of(VF), null)));

        assertThat(audit.violations()).singleElement().asString().contains("sequence number 3 where 2 was due");
    }

    @Test
    void hostsAreNumberedAndHeldApart() {
        audit.apply(record(1, claimed("c-1", VF)));
        audit.apply(new LedgerRecord("compute-002", 1, Instant.EPOCH, "cmd", "bench", claimed("c-2", VF)));

        assertThat(audit.violations()).isEmpty();
        assertThat(audit.records()).isEqualTo(2);
    }

    private static LedgerRecord record(final long seq, final LedgerEvent event) {
        return new LedgerRecord(HOST, seq, Instant.EPOCH, "cmd-" + seq, "bench", event);
    }

    private static LedgerEvent.DevicesClaimed claimed(final String claimId, final String address) {
        return new LedgerEvent.DevicesClaimed(claimId, "bench", "vm-" + claimId, "hash",
                List.of(new ClaimedDevice(address, "physnet1", DevType.TYPE_VF, VnicType.DIRECT, 0, "0000:3b:00.0",
                        0)), true, null);
    }
}
