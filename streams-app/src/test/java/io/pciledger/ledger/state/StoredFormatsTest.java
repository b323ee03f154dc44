package io.pciledger.ledger.state;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.ledger.domain.Claim;
import io.pciledger.ledger.domain.ClaimStatus;
import io.pciledger.ledger.domain.ClaimedDevice;
import io.pciledger.ledger.domain.DevType;
import io.pciledger.ledger.domain.Device;
import io.pciledger.ledger.domain.DeviceStatus;
import io.pciledger.ledger.domain.LedgerDevice;
import io.pciledger.ledger.domain.RejectReason;
import io.pciledger.ledger.domain.RejectedClaim;
import io.pciledger.ledger.domain.VnicType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The bytes the ledger's stores hold, and so their changelogs, exactly: the stored formats are what a restore reads
 * back after an upgrade, so a change of writer must not change a byte of them unless the format number changes too.
 */
class StoredFormatsTest {

    private static final Device PF = new Device("0000:81:00.0", "8086", "1572", "020000", DevType.TYPE_PF, null, 1,
            "ens1f0", "i40e", "physnet1", Map.of("physical_network", "physnet1"));
    private static final Device VF = new Device("0000:81:02.0", "8086", "154c", "020000", DevType.TYPE_VF,
            "0000:81:00.0", null, null, "vfio-pci", "physnet1", Map.of());
    private static final Claim CLAIM = new Claim("claim-1", "tenant-a", "vm-1", "hash-1",
            List.of(new ClaimedDevice(VF.address(), "physnet1", DevType.TYPE_VF, VnicType.DIRECT, null, PF.address(), 0),
                    new ClaimedDevice("0000:03:00.0", "gpu", DevType.TYPE_PCI, null, 0, null, 1)),
            true, Instant.parse("2026-11-24T10:15:30.123Z"), ClaimStatus.LIVE, new TreeSet<>(List.of("0000:03:00.0")),
            7, 0, 0);

    @Test
    void aDeviceRowIsItsDeviceStatusAndHolderWithTheFormatLast() {
        assertThat(text(LedgerDeviceSerde.write(new LedgerDevice(PF, DeviceStatus.FREE, null)))).isEqualTo(""
                + "{\"device\":{\"address\":\"0000:81:00.0\",\"vendor_id\":\"8086\","
                + "\"product_id\":\"1572\",\"class_code\":\"020000\",\"dev_type\":\"TYPE_PF\","
                + "\"parent_addr\":null,\"numa_node\":1,\"ifname\":\"ens1f0\",\"driver\":\"i40e\","
                + "\"group\":\"physnet1\",\"tags\":{\"physical_network\":\"physnet1\"}},"
                + "\"status\":\"FREE\",\"holder\":null,\"format\":1}");
        assertThat(text(LedgerDeviceSerde.write(new LedgerDevice(VF, DeviceStatus.CLAIMED, "claim-1"))))
                .isEqualTo(""
                + "{\"device\":{\"address\":\"0000:81:02.0\",\"vendor_id\":\"8086\","
                + "\"product_id\":\"154c\",\"class_code\":\"020000\",\"dev_type\":\"TYPE_VF\","
                + "\"parent_addr\":\"0000:81:00.0\",\"numa_node\":null,\"ifname\":null,"
                + "\"driver\":\"vfio-pci\",\"group\":\"physnet1\",\"tags\":{}},\"status\":\"CLAIMED\","
                + "\"holder\":\"claim-1\",\"format\":1}");
    }

    @Test
    void aHostHeaderStartsWithTheFormatAndHoldsItsLiveClaims() {
        assertThat(text(HostHeaderSerde.write(new HostHeader("host-1", 12, null, List.of(CLAIM),
                List.of("gpu", "physnet1"))))).isEqualTo(""
                + "{\"format\":3,\"host\":\"host-1\",\"next_seq\":12,\"stale_since\":null,"
                + "\"claims\":[{\"claim_id\":\"claim-1\",\"tenant\":\"tenant-a\",\"instance\":\"vm-1\","
                + "\"request_hash\":\"hash-1\",\"devices\":[{\"address\":\"0000:81:02.0\","
                + "\"group\":\"physnet1\",\"dev_type\":\"TYPE_VF\",\"vnic_type\":\"DIRECT\","
                + "\"numa_node\":null,\"parent_addr\":\"0000:81:00.0\",\"item_index\":0},"
                + "{\"address\":\"0000:03:00.0\",\"group\":\"gpu\",\"dev_type\":\"TYPE_PCI\","
                + "\"vnic_type\":null,\"numa_node\":0,\"parent_addr\":null,\"item_index\":1}],"
                + "\"live_migratable\":true,\"expires_at\":\"2026-11-24T10:15:30.123Z\","
                + "\"status\":\"LIVE\",\"lost_addresses\":[\"0000:03:00.0\"],\"claimed_seq\":7,"
                + "\"confirmed_seq\":0,\"ended_seq\":0}],\"groups_seen\":[\"gpu\",\"physnet1\"]}");
        assertThat(text(HostHeaderSerde.write(new HostHeader("host-2", 1, Instant.parse("2026-11-24T10:00:00Z"),
                List.of(), List.of())))).isEqualTo(""
                + "{\"format\":3,\"host\":\"host-2\",\"next_seq\":1,"
                + "\"stale_since\":\"2026-11-24T10:00:00Z\",\"claims\":[],\"groups_seen\":[]}");
    }

    @Test
    void anArchivedClaimOrRefusalStartsWithTheFormat() {
        assertThat(text(ArchivedClaimSerde.write(ArchivedClaim.ended(new Claim("claim-2", null, null, null,
                List.of(), false, null, ClaimStatus.RELEASED, new TreeSet<>(), 3, 4, 5))))).isEqualTo(""
                + "{\"format\":1,\"claim\":{\"claim_id\":\"claim-2\",\"tenant\":null,\"instance\":null,"
                + "\"request_hash\":null,\"devices\":[],\"live_migratable\":false,\"expires_at\":null,"
                + "\"status\":\"RELEASED\",\"lost_addresses\":[],\"claimed_seq\":3,\"confirmed_seq\":4,"
                + "\"ended_seq\":5}}");
        assertThat(text(ArchivedClaimSerde.write(ArchivedClaim.refused(new RejectedClaim("claim-3", "tenant-b",
                "vm-3", "hash-3", RejectReason.INSUFFICIENT_DEVICES, "no \"VF\" free\n"))))).isEqualTo(""
                + "{\"format\":1,\"rejection\":{\"claim_id\":\"claim-3\",\"tenant\":\"tenant-b\","
                + "\"instance\":\"vm-3\",\"request_hash\":\"hash-3\",\"reason\":\"INSUFFICIENT_DEVICES\","
                + "\"message\":\"no \\\"VF\\\" free\\n\"}}");
    }

    @Test
    void tagsAreWrittenSortedAndTextIsEscapedAsJacksonDoes() {
        final Device tagged = new Device("0000:05:00.1", "10de", "2236", "030200", DevType.TYPE_PCI, null, 0,
                "gpu\u0001é", null, "gpu-ä", Map.of("zone", "b 🚀", "alpha", "\"x\"", "mid", "tab\there"));
        assertThat(text(LedgerDeviceSerde.write(new LedgerDevice(tagged, DeviceStatus.LOST, "claim-9"))))
                .isEqualTo(""
                + "{\"device\":{\"address\":\"0000:05:00.1\",\"vendor_id\":\"10de\",\"product_id\":\"2236\","
                + "\"class_code\":\"030200\",\"dev_type\":\"TYPE_PCI\",\"parent_addr\":null,\"numa_node\":0,"
                + "\"ifname\":\"gpu\\u0001é\",\"driver\":null,\"group\":\"gpu-ä\",\"tags\":{\"alpha\":\"\\\"x\\\"\","
                + "\"mid\":\"tab\\there\",\"zone\":\"b \\uD83D\\uDE80\"}},\"status\":\"LOST\",\"holder\":\"claim-9\","
                + "\"format\":1}");
    }

    @Test
    void absentValuesAreNullsAndLargeSequencesStayWhole() {
        final Claim claim = new Claim("claim-4", "t", "i", "h",
                List.of(new ClaimedDevice("0000:06:00.0", null, null, null, null, null, 0)), false, null,
                ClaimStatus.EXPIRED, new TreeSet<>(), 4_000_000_000L, 4_000_000_001L, 4_000_000_002L);
        assertThat(text(ArchivedClaimSerde.write(ArchivedClaim.ended(claim)))).isEqualTo(""
                + "{\"format\":1,\"claim\":{\"claim_id\":\"claim-4\",\"tenant\":\"t\",\"instance\":\"i\","
                + "\"request_hash\":\"h\",\"devices\":[{\"address\":\"0000:06:00.0\",\"group\":null,"
                + "\"dev_type\":null,\"vnic_type\":null,\"numa_node\":null,\"parent_addr\":null,"
                + "\"item_index\":0}],\"live_migratable\":false,\"expires_at\":null,\"status\":\"EXPIRED\","
                + "\"lost_addresses\":[],\"claimed_seq\":4000000000,\"confirmed_seq\":4000000001,"
                + "\"ended_seq\":4000000002}}");
        assertThat(text(ArchivedClaimSerde.write(ArchivedClaim.refused(new RejectedClaim("claim-5", null, null,
                null, null, null))))).isEqualTo(""
                + "{\"format\":1,\"rejection\":{\"claim_id\":\"claim-5\",\"tenant\":null,\"instance\":null,"
                + "\"request_hash\":null,\"reason\":null,\"message\":null}}");
        assertThat(text(HostHeaderSerde.write(new HostHeader("host-3", 5_000_000_000L, null, List.of(),
                List.of("b", "a"))))).isEqualTo(""
                + "{\"format\":3,\"host\":\"host-3\",\"next_seq\":5000000000,\"stale_since\":null,"
                + "\"claims\":[],\"groups_seen\":[\"b\",\"a\"]}");
    }

    private static String text(final byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
