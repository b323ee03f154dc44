package io.pciledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.ledger.audit.LedgerAudit;
import io.pciledger.ledger.domain.ClaimedDevice;
import io.pciledger.ledger.domain.Device;
import io.pciledger.ledger.domain.LedgerEvent;
import io.pciledger.ledger.domain.LedgerRecord;
import io.pciledger.ledger.domain.VnicType;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What {@code bench http-claims} reports when the clients and the ledger's history disagree. */
class HttpClaimsAuditFindingsTest {

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
    void grantsTheClientsAndTheLedgerDisagreeOnAreFindings() {
        final LedgerAudit check = new LedgerAudit();
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
        final LedgerAudit check = new LedgerAudit();
        check.apply(record(claimed("a")));

        final List<String> findings = HttpClaimsBenchmark.auditFindings(check, Set.of("a"), 2);

        assertThat(findings).singleElement().asString().contains("2 grants answered for 1 claim ids");
    }
}
