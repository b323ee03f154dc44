package io.pciledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.ledger.domain.ClaimedDevice;
import io.pciledger.ledger.domain.Device;
import io.pciledger.ledger.domain.LedgerEvent;
import io.pciledger.ledger.domain.LedgerRecord;
import io.pciledger.ledger.domain.VnicType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrantAuditFindingsTest {

    private static final String HOST = TypicalHost.name(0);
    private static final Device VF = TypicalHost.devices(0).stream()
            .filter(device -> device.parentAddr() != null).findFirst().orElseThrow();

    private long seq;

    private LedgerRecord record(final LedgerEvent event) {
        return new LedgerRecord(HOST, ++seq, Instant.EPOCH, "cause-" + seq, "bench", event);
    }

    private static LedgerEvent claimed(final String claimId) {
        return new LedgerEvent.DevicesClaimed(claimId, "bench", "vm", "hash",
                List.of(new ClaimedDevice(VF.address(), VF.group(), VF.devType(), VnicType.DIRECT, VF.numaNode(),
                        VF.parentAddr(), 0)),
                true, null);
    }

    @Test
    void aDeviceReleasedAndGrantedAgainIsSound() {
        final GrantAudit check = new GrantAudit();

        check.apply(record(claimed("a")));
        check.apply(record(new LedgerEvent.DevicesReleased("a", List.of(VF.address()), "bench")));
        check.apply(record(claimed("b")));
        check.apply(record(new LedgerEvent.ClaimExpired("b", List.of(VF.address()))));
        check.apply(record(claimed("c")));

        assertThat(check.violations()).isEmpty();
        assertThat(check.grantedClaims()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(check.records()).isEqualTo(5);
    }

    @Test
    void aDeviceGrantedWhileHeldIsFound() {
        final GrantAudit check = new GrantAudit();

        check.apply(record(claimed("a")));
        check.apply(record(claimed("b")));

        assertThat(check.violations()).singleElement().asString()
                .contains(VF.address()).contains("claim b").contains("while claim a held it");
    }

    @Test
    void aClaimIdGrantedTwiceIsFound() {
        final GrantAudit check = new GrantAudit();

        check.apply(record(claimed("a")));
        check.apply(record(new LedgerEvent.DevicesReleased("a", List.of(VF.address()), "bench")));
        check.apply(record(claimed("a")));

        assertThat(check.violations()).singleElement().asString().contains("claim a granted again");
    }

    @Test
    void grantsTheClientsAndTheLedgerDisagreeOnAreFindings() {
        final GrantAudit check = new GrantAudit();
        check.apply(record(claimed("on-ledger-only")));
        check.apply(record(new LedgerEvent.DevicesReleased("on-ledger-only", List.of(VF.address()), "bench")));
        check.apply(record(claimed("both")));

        final List<String> findings = HttpClaimsBenchmark.auditFindings(check, Set.of("both", "answered-only"), 2);

        assertThat(findings).hasSize(2);
        assertThat(findings.get(0)).contains("answered 201 but not granted on the ledger").contains("answered-only");
        assertThat(findings.get(1)).contains("granted on the ledger but not answered 201").contains("on-ledger-only");
    }

    @Test
    void aClaimIdAnsweredTwiceIsAFinding() {
        final GrantAudit check = new GrantAudit();
        check.apply(record(claimed("a")));

        final List<String> findings = HttpClaimsBenchmark.auditFindings(check, Set.of("a"), 2);

        assertThat(findings).singleElement().asString().contains("2 grants answered for 1 claim ids");
    }
}
