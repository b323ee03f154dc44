package io.pciledger.query.candidates;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.ledger.domain.DevType;
import io.pciledger.ledger.domain.HostPools;
import io.pciledger.ledger.domain.Pool;
import io.pciledger.ledger.domain.RequestItem;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Keeping only the best {@code limit} while scanning gives what sorting every fitting host and cutting would. */
class CandidateFinderPropertiesTest {

    @Property(tries = 200)
    void theBoundedScanEqualsSortingEveryFittingHost(@ForAll("fleets") final List<HostPools> hosts,
            @ForAll @IntRange(min = 1, max = 3) final int wanted, @ForAll @IntRange(min = 1, max = 8) final int limit) {
        final List<RequestItem> items = List.of(RequestItem.devices("gpu", wanted));

        final List<Candidate> everyFit = CandidateFinder.find(items, hosts, Integer.MAX_VALUE - 1);
        final List<Candidate> bounded = CandidateFinder.find(items, hosts, limit);

        assertThat(bounded).isEqualTo(everyFit.subList(0, Math.min(limit, everyFit.size())));
        for (int index = 1; index < everyFit.size(); index++) {
            final Candidate before = everyFit.get(index - 1);
            final Candidate after = everyFit.get(index);
            assertThat(before.numaMisfits() < after.numaMisfits() || before.numaMisfits() == after.numaMisfits()
                    && before.freeTotal() >= after.freeTotal()).as("%s before %s", before, after).isTrue();
        }
    }

    @Provide
    Arbitrary<List<HostPools>> fleets() {
        final Arbitrary<Pool> pools = Combinators.combine(Arbitraries.of("gpu", "nvme"),
                        Arbitraries.of(0, 1).injectNull(0.2), Arbitraries.integers().between(0, 4))
                .as((group, numa, free) -> new Pool(group, DevType.TYPE_PCI, numa, 4, free));
        return pools.list().ofMaxSize(3).list().ofMaxSize(30).map(poolLists -> {
            final List<HostPools> hosts = new ArrayList<>();
            for (int index = 0; index < poolLists.size(); index++) {
                hosts.add(new HostPools(String.format("compute-%03d", index), index % 7 == 6, poolLists.get(index)));
            }
            return hosts;
        });
    }
}
