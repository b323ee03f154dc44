package io.pciledger.ledger.domain;

import static io.pciledger.ledger.domain.Devices.pci;
import static io.pciledger.ledger.domain.Requests.claim;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostGroupCountsTest {

    @Test
    void everyDeviceCountsOnceAsAvailableClaimedUnavailableOrLost() {
        final TestHost host = TestHost.pfWithVfsClaimedAndLost();

        assertThat(host.counts().of("net")).isEqualTo(new GroupCount(4, 1, 1, 1, 1));
    }

    @Test
    void changeSinceSaysWhatToAddToTheCloudWideCounts() {
        final TestHost host = TestHost.with(pci("0000:af:00.0", "gpu", 0), pci("0000:b0:00.0", "gpu", 0),
                pci("0000:5e:00.0", "nvme", 0));
        final HostGroupCounts before = host.counts();

        host.granted(claim("c1", RequestItem.devices("gpu", 1)));

        assertThat(host.counts().changeSince(before)).containsExactly(
                Map.entry("gpu", new GroupCount(0, -1, 1, 0, 0)));
    }

    @Test
    void groupThatLeftTheHostIsSubtractedWhole() {
        final TestHost host = TestHost.with(pci("0000:5e:00.0", "nvme", 0));
        final HostGroupCounts before = host.counts();

        host.snapshot();

        assertThat(host.counts().changeSince(before)).containsExactly(
                Map.entry("nvme", new GroupCount(-1, -1, 0, 0, 0)));
    }

    @Test
    void cloudWideCountsAreTheSumOfTheHosts() {
        final TestHost one = TestHost.with(pci("0000:af:00.0", "gpu", 0));
        final TestHost two = TestHost.with(pci("0000:af:00.0", "gpu", 0), pci("0000:b0:00.0", "gpu", 0));
        two.granted(claim("c1", RequestItem.devices("gpu", 1)));

        assertThat(HostGroupCounts.sum(List.of(one.counts(), two.counts())))
                .containsExactly(Map.entry("gpu", new GroupCount(3, 2, 1, 0, 0)));
    }
}
