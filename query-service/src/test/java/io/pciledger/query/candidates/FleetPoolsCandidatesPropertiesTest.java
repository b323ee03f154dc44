package io.pciledger.query.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.ledger.domain.DevType;
import io.pciledger.ledger.domain.HostPools;
import io.pciledger.ledger.domain.NumaPolicy;
import io.pciledger.ledger.domain.Pool;
import io.pciledger.ledger.domain.RequestItem;
import io.pciledger.ledger.domain.VnicType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Visiting the hosts of one group, most free first, and stopping early ({@link FleetPools}) gives what scanning
 * every host gives, for any request, whatever order the hosts' pools arrived and changed in.
 */
class FleetPoolsCandidatesPropertiesTest {

    private static final List<String> GROUPS = List.of("gpu", "nvme", "physnet");

    @Property(tries = 500)
    void theIndexedVisitEqualsTheFullScan(@ForAll("changes") final List<HostPools> changes,
            @ForAll("requests") final List<RequestItem> items, @ForAll @IntRange(min = 1, max = 8) final int limit) {
        final FleetPools fleet = new FleetPools();
        final Map<String, HostPools> latest = new LinkedHashMap<>();
        for (final HostPools change : changes) {
            if (change.pools().isEmpty() && change.host().endsWith("0")) {
                fleet.remove(change.host());
                latest.remove(change.host());
            } else {
                fleet.put(change);
                latest.put(change.host(), change);
            }
        }

        assertThat(CandidateFinder.find(items, fleet, limit))
                .isEqualTo(CandidateFinder.find(items, latest.values(), limit));
    }

    @Provide
    Arbitrary<List<HostPools>> changes() {
        final Arbitrary<Pool> pools = Combinators.combine(Arbitraries.of(GROUPS),
                        Arbitraries.of(DevType.TYPE_PCI, DevType.TYPE_PF, DevType.TYPE_VF),
                        Arbitraries.of(0, 1).injectNull(0.2), Arbitraries.integers().between(0, 4))
                .as((group, type, numa, free) -> new Pool(group, type, numa, 4, free));
        final Arbitrary<HostPools> change = Combinators.combine(Arbitraries.integers().between(0, 19),
                        Arbitraries.of(true, false), pools.list().ofMaxSize(4))
                .as((host, stale, hostPools) -> new HostPools(String.format("compute-%02d", host),
                        stale && host % 5 == 4, hostPools));
        return change.list().ofMaxSize(60);
    }

    @Provide
    Arbitrary<List<RequestItem>> requests() {
        final Arbitrary<RequestItem> devices = Combinators.combine(Arbitraries.of(GROUPS),
                Arbitraries.integers().between(1, 3)).as(RequestItem::devices);
        final Arbitrary<RequestItem> port = Combinators.combine(
                Arbitraries.of(VnicType.DIRECT, VnicType.DIRECT_PHYSICAL, VnicType.MACVTAP), Arbitraries.of(GROUPS))
                .as(RequestItem::port);
        final Arbitrary<RequestItem> item = Combinators.combine(Arbitraries.oneOf(devices, port),
                        Arbitraries.of(0, 1).injectNull(0.6),
                        Arbitraries.of(NumaPolicy.REQUIRED, NumaPolicy.PREFERRED, NumaPolicy.LEGACY))
                .as((any, node, policy) -> node == null ? any : any.onNumaNode(node, policy));
        return Arbitraries.oneOf(item, Arbitraries.just(RequestItem.normalPort())).list().ofMinSize(1).ofMaxSize(3)
                .map(ArrayList::new);
    }
}
