package io.pciledger.query.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.ledger.domain.DevType;
import io.pciledger.ledger.domain.HostPools;
import io.pciledger.ledger.domain.NumaPolicy;
import io.pciledger.ledger.domain.Pool;
import io.pciledger.ledger.domain.RequestItem;
import io.pciledger.ledger.domain.VnicType;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateFinderTest {

    private static HostPools host(final String name, final boolean stale, final Pool... pools) {
        return new HostPools(name, stale, List.of(pools));
    }

    @Test
    void aHostQualifiesOnlyWhenEveryItemFitsAtOnce() {
        final HostPools enough = host("a", false, new Pool("gpu", DevType.TYPE_PCI, 0, 4, 2),
                new Pool("physnet1", DevType.TYPE_VF, 0, 8, 1));
        final HostPools tooFewGpus = host("b", false, new Pool("gpu", DevType.TYPE_PCI, 0, 4, 1),
                new Pool("physnet1", DevType.TYPE_VF, 0, 8, 8));
        final List<RequestItem> items = List.of(RequestItem.devices("gpu", 2),
                RequestItem.port(VnicType.DIRECT, "physnet1"), RequestItem.normalPort());

        assertThat(Candidate.hosts(CandidateFinder.find(items, List.of(enough, tooFewGpus), 10)))
                .containsExactly("a");
    }

    @Test
    void staleHostsAreNeverCandidates() {
        final HostPools stale = host("a", true, new Pool("gpu", DevType.TYPE_PCI, null, 4, 4));

        assertThat(CandidateFinder.find(List.of(RequestItem.devices("gpu", 1)), List.of(stale), 10)).isEmpty();
    }

    @Test
    void aPortTakesOnlyTheDeviceTypeItsVnicTypeTakes() {
        final HostPools onlyPfs = host("a", false, new Pool("physnet1", DevType.TYPE_PF, 0, 2, 2));

        assertThat(CandidateFinder.find(List.of(RequestItem.port(VnicType.DIRECT, "physnet1")), List.of(onlyPfs),
                10)).isEmpty();
        assertThat(CandidateFinder.find(List.of(RequestItem.port(VnicType.DIRECT_PHYSICAL, "physnet1")),
                List.of(onlyPfs), 10)).hasSize(1);
    }

    @Test
    void requiredNumaAdmitsOnlyTheNodeAndPreferredRanksMisfitsLast() {
        final HostPools onNode1 = host("a", false, new Pool("gpu", DevType.TYPE_PCI, 1, 2, 2));
        final HostPools onNode0 = host("b", false, new Pool("gpu", DevType.TYPE_PCI, 0, 2, 1));

        assertThat(Candidate.hosts(CandidateFinder.find(
                List.of(RequestItem.devices("gpu", 1).onNumaNode(0, NumaPolicy.REQUIRED)),
                List.of(onNode1, onNode0), 10))).containsExactly("b");
        final List<Candidate> preferred = CandidateFinder.find(
                List.of(RequestItem.devices("gpu", 1).onNumaNode(0, NumaPolicy.PREFERRED)),
                List.of(onNode1, onNode0), 10);
        assertThat(Candidate.hosts(preferred)).containsExactly("b", "a");
        assertThat(preferred.get(1).numaMisfits()).isEqualTo(1);
    }

    @Test
    void hostsWithMoreFreeDevicesComeFirstAndTheLimitHolds() {
        final HostPools few = host("a", false, new Pool("gpu", DevType.TYPE_PCI, null, 8, 1));
        final HostPools many = host("b", false, new Pool("gpu", DevType.TYPE_PCI, null, 8, 6));
        final HostPools some = host("c", false, new Pool("gpu", DevType.TYPE_PCI, null, 8, 3));

        assertThat(Candidate.hosts(CandidateFinder.find(List.of(RequestItem.devices("gpu", 1)),
                List.of(few, many, some), 2))).containsExactly("b", "c");
    }
}
