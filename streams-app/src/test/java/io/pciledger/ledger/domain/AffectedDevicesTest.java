package io.pciledger.ledger.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which devices' histories a ledger event belongs to. */
class AffectedDevicesTest {

    private static final Device PF = Devices.pf("0000:3b:00.0", "net", 0);
    private static final Device VF = Devices.vf("0000:3b:02.0", PF.address(), "net", 0);
    private static final Device GPU_A = Devices.pci("0000:af:00.0", "gpu", 0);
    private static final Device GPU_B = Devices.pci("0000:b0:00.0", "gpu", 0);

    @Test
    void aClaimBelongsToEachDeviceItGrants() {
        final TestHost host = TestHost.with(GPU_A, GPU_B);

        host.granted(Requests.claim("c-1", RequestItem.devices("gpu", 2)));

        assertThat(affected(host, last(host))).containsExactly(GPU_A.address(), GPU_B.address());
    }

    @Test
    void aConfirmationBelongsToTheDevicesOfItsClaim() {
        final TestHost host = TestHost.with(GPU_A, GPU_B);
        host.granted(Requests.claim("c-1", RequestItem.devices("gpu", 1)));

        host.confirm("c-1");

        assertThat(last(host).event()).isInstanceOf(LedgerEvent.ClaimConfirmed.class);
        assertThat(affected(host, last(host))).containsExactly(GPU_A.address());
    }

    @Test
    void aReleaseBelongsToItsDevicesLostOnesIncludedAndTheirRemovalToThem() {
        final TestHost host = TestHost.with(GPU_A, GPU_B);
        host.granted(Requests.claim("c-1", RequestItem.devices("gpu", 2)));
        host.vanish(GPU_B.address());

        final List<LedgerRecord> released = host.release("c-1").records();

        assertThat(affected(host, released.get(0))).containsExactly(GPU_A.address(), GPU_B.address());
        assertThat(released.get(1).event()).isInstanceOf(LedgerEvent.DeviceRemoved.class);
        assertThat(affected(host, released.get(1))).containsExactly(GPU_B.address());
    }

    @Test
    void anExpiryBelongsToTheDevicesGivenBack() {
        final TestHost host = TestHost.with(GPU_A);
        host.granted(Requests.claim("c-1", RequestItem.devices("gpu", 1)).withTtl(Duration.ofMinutes(1)));
        host.advance(Duration.ofMinutes(2));

        final List<LedgerRecord> expired = host.expire();

        assertThat(affected(host, expired.get(0))).containsExactly(GPU_A.address());
    }

    @Test
    void aVfClaimDoesNotEnterItsBlockedPfsHistory() {
        final TestHost host = TestHost.with(PF, VF);

        host.granted(Requests.claim("c-1", RequestItem.port(VnicType.DIRECT, "net")));

        assertThat(affected(host, last(host))).containsExactly(VF.address());
    }

    @Test
    void refusalsAndHostLivenessBelongToNoDevice() {
        final HostLedger ledger = TestHost.with(GPU_A).ledger();

        assertThat(AffectedDevices.of(new LedgerEvent.ClaimRejected("c-9", "acme", "vm", "hash",
                RejectReason.INSUFFICIENT_DEVICES, "no"), ledger)).isEmpty();
        assertThat(AffectedDevices.of(new LedgerEvent.HostMarkedStale(Instant.EPOCH), ledger)).isEmpty();
        assertThat(AffectedDevices.of(new LedgerEvent.HostReturned(Instant.EPOCH), ledger)).isEmpty();
    }

    @Test
    void inventoryEventsBelongToTheDeviceTheyName() {
        final TestHost host = TestHost.with(GPU_A);

        host.discover(GPU_A.withNumaNode(1));
        host.vanish(GPU_A.address());

        final List<LedgerRecord> history = host.history();
        assertThat(history).extracting(record -> affected(host, record))
                .allSatisfy(addresses -> assertThat(addresses).containsExactly(GPU_A.address()));
        assertThat(TestHost.events(history)).hasExactlyElementsOfTypes(LedgerEvent.DeviceAdded.class,
                LedgerEvent.DeviceUpdated.class, LedgerEvent.DeviceRemoved.class);
    }

    private static java.util.SortedSet<String> affected(final TestHost host, final LedgerRecord record) {
        return AffectedDevices.of(record.event(), host.ledger());
    }

    private static LedgerRecord last(final TestHost host) {
        final List<LedgerRecord> history = host.history();
        return history.get(history.size() - 1);
    }
}
