package io.pciledger.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.cli.audit.FleetSnapshot.ClaimEntry;
import io.pciledger.cli.audit.FleetSnapshot.ClaimedDeviceEntry;
import io.pciledger.cli.audit.FleetSnapshot.DeviceEntry;
import io.pciledger.cli.audit.FleetSnapshot.GroupEntry;
import io.pciledger.cli.audit.FleetSnapshot.HostEntry;
import io.pciledger.cli.audit.FleetSnapshot.PoolEntry;
import io.pciledger.cli.audit.LiveApi.DeviceListing;
import io.pciledger.cli.audit.LiveApi.HostListing;
import io.pciledger.cli.audit.LiveApi.HostStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FleetComparisonTest {

    private static final DeviceEntry FREE_GPU = gpu("0000:40:00.0", "free", null);
    private static final DeviceEntry CLAIMED_GPU = gpu("0000:41:00.0", "claimed", "c-1");
    private static final ClaimEntry C1 = new ClaimEntry("c-1", "live", "acme", "vm-1",
            List.of(new ClaimedDeviceEntry("0000:41:00.0", "gpu", "type-PCI", null, 0, null, 0)), true, null, List.of());
    private static final PoolEntry POOL = new PoolEntry("gpu", "type-PCI", 0, 2, 1);
    private static final GroupEntry GROUP = new GroupEntry("gpu", 2, 1, 1, 0, 0);

    private static DeviceEntry gpu(final String address, final String status, final String claimId) {
        return new DeviceEntry(address, "10de", "20b5", "030200", "type-PCI", null, 0, null, "vfio-pci", "gpu",
                Map.of(), status, claimId);
    }

    private static FleetSnapshot replayed(final List<DeviceEntry> devices) {
        return new FleetSnapshot(Instant.EPOCH, 4, List.of(new HostEntry("compute-1", 4, false, null, devices,
                List.of(POOL), List.of(C1))), List.of(GROUP), List.of());
    }

    private static LiveFleet live(final long ledgerSeq, final List<DeviceEntry> devices, final List<GroupEntry> groups) {
        return new LiveFleet(List.of(new HostListing("compute-1", false, Map.of("gpu", 1))),
                Map.of("compute-1", new HostStatus("compute-1", ledgerSeq, false, null, List.of(POOL), 1)),
                Map.of("compute-1", new DeviceListing("compute-1", ledgerSeq, devices)),
                Map.of("compute-1", Map.of("c-1", C1)), groups);
    }

    @Test
    void aLedgerThatAgreesWithTheApiHasNoDifference() {
        assertThat(FleetComparison.of(replayed(List.of(FREE_GPU, CLAIMED_GPU)),
                live(4, List.of(FREE_GPU, CLAIMED_GPU), List.of(GROUP)))).isEmpty();
    }

    @Test
    void aDeviceThatDiffersIsNamedWithEachMemberThatDiffers() {
        final List<Difference> differences = FleetComparison.of(replayed(List.of(FREE_GPU, CLAIMED_GPU)),
                live(4, List.of(FREE_GPU, gpu("0000:41:00.0", "free", null)), List.of(GROUP)));

        assertThat(differences).containsExactly(
                new Difference("compute-1", "device 0000:41:00.0", "status", "claimed", "free"),
                new Difference("compute-1", "device 0000:41:00.0", "claim_id", "c-1", "null"));
    }

    @Test
    void aDeviceOnOneSideOnlyIsNamed() {
        assertThat(FleetComparison.of(replayed(List.of(FREE_GPU, CLAIMED_GPU)),
                live(4, List.of(CLAIMED_GPU), List.of(GROUP))))
                .containsExactly(new Difference("compute-1", "device 0000:40:00.0", "present", "present", "absent"));
    }

    @Test
    void aHostAtAnotherPositionIsNamed() {
        assertThat(FleetComparison.of(replayed(List.of(FREE_GPU, CLAIMED_GPU)),
                live(5, List.of(FREE_GPU, CLAIMED_GPU), List.of(GROUP))))
                .containsExactly(new Difference("compute-1", "host", "ledger_seq", "4", "5"));
    }

    @Test
    void aGroupCountThatDiffersIsAFleetWideDifference() {
        assertThat(FleetComparison.of(replayed(List.of(FREE_GPU, CLAIMED_GPU)),
                live(4, List.of(FREE_GPU, CLAIMED_GPU), List.of(new GroupEntry("gpu", 2, 2, 0, 0, 0)))))
                .extracting(Difference::toString)
                .containsExactly("fleet, group gpu: available replayed 1, live 2",
                        "fleet, group gpu: claimed replayed 1, live 0");
    }

    @Test
    void aRegisteredGroupWithoutDevicesIsNoDifference() {
        assertThat(FleetComparison.of(replayed(List.of(FREE_GPU, CLAIMED_GPU)), live(4,
                List.of(FREE_GPU, CLAIMED_GPU), List.of(GROUP, new GroupEntry("reserved", 0, 0, 0, 0, 0))))).isEmpty();
    }

    @Test
    void aHostTheApiDoesNotKnowIsNamed() {
        final LiveFleet nothing = new LiveFleet(List.of(), Map.of(), Map.of(), Map.of(), List.of(GROUP));

        assertThat(FleetComparison.of(replayed(List.of(FREE_GPU, CLAIMED_GPU)), nothing)).containsExactly(
                new Difference("compute-1", "host", "present", "present", "absent"),
                new Difference("compute-1", "listing", "present", "present", "absent"));
    }
}
