package io.pciledger.query.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.ledger.domain.DevType;
import io.pciledger.ledger.domain.HostPools;
import io.pciledger.ledger.domain.Pool;
import io.pciledger.ledger.domain.RequestItem;
import io.pciledger.query.candidates.FleetPools.FreeHost;
import java.util.List;
import org.junit.jupiter.api.Test;

class FleetPoolsTest {

    private static HostPools host(final String name, final boolean stale, final Pool... pools) {
        return new HostPools(name, stale, List.of(pools));
    }

    private static Pool gpus(final Integer numaNode, final int free) {
        return new Pool("gpu", DevType.TYPE_PCI, numaNode, 4, free);
    }

    @Test
    void hostsAreListedUnderAGroupMostFreeFirstThenByName() {
        final FleetPools fleet = new FleetPools();
        fleet.put(host("c", false, gpus(0, 1)));
        fleet.put(host("b", false, gpus(0, 2), gpus(1, 1)));
        fleet.put(host("a", false, gpus(null, 1)));

        assertThat(fleet.mostFreeFirst("gpu")).containsExactly(new FreeHost("b", 3), new FreeHost("a", 1),
                new FreeHost("c", 1));
        assertThat(fleet.mostFree("gpu")).isEqualTo(3);
    }

    @Test
    void aChangedHostIsListedUnderItsNewFreeCountOnly() {
        final FleetPools fleet = new FleetPools();
        fleet.put(host("a", false, gpus(0, 3)));
        fleet.put(host("b", false, gpus(0, 2)));

        fleet.put(host("a", false, gpus(0, 1)));

        assertThat(fleet.mostFreeFirst("gpu")).containsExactly(new FreeHost("b", 2), new FreeHost("a", 1));
        assertThat(fleet.host("a").pools()).containsExactly(gpus(0, 1));
    }

    @Test
    void aHostWithNoFreeDeviceOfAGroupIsNotListedUnderIt() {
        final FleetPools fleet = new FleetPools();
        fleet.put(host("a", false, gpus(0, 2)));

        fleet.put(host("a", false, gpus(0, 0), new Pool("nvme", DevType.TYPE_PCI, 0, 2, 2)));

        assertThat(fleet.mostFreeFirst("gpu")).isEmpty();
        assertThat(fleet.mostFree("gpu")).isZero();
        assertThat(fleet.mostFreeFirst("nvme")).containsExactly(new FreeHost("a", 2));
    }

    @Test
    void aStaleHostIsHeldButListedUnderNoGroup() {
        final FleetPools fleet = new FleetPools();
        fleet.put(host("a", false, gpus(0, 2)));

        fleet.put(host("a", true, gpus(0, 2)));

        assertThat(fleet.mostFreeFirst("gpu")).isEmpty();
        assertThat(fleet.hosts()).extracting(HostPools::host).containsExactly("a");
    }

    @Test
    void aRemovedHostIsNeitherHeldNorListed() {
        final FleetPools fleet = new FleetPools();
        fleet.put(host("a", false, gpus(0, 2)));

        fleet.remove("a");

        assertThat(fleet.mostFreeFirst("gpu")).isEmpty();
        assertThat(fleet.hosts()).isEmpty();
        assertThat(fleet.host("a")).isNull();
    }

    @Test
    void aRequestForAGroupNoHostHasEnoughOfFindsNothing() {
        final FleetPools fleet = new FleetPools();
        fleet.put(host("a", false, gpus(0, 2)));

        assertThat(CandidateFinder.find(List.of(RequestItem.devices("gpu", 3)), fleet, 5))
                .isEmpty();
    }
}
