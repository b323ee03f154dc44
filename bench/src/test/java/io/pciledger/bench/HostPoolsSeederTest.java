package io.pciledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.ledger.domain.HostPools;
import io.pciledger.ledger.domain.Pool;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HostPoolsSeederTest {

    @Test
    void aTypicalHostHasSixtyFourDevicesInEightPools() {
        final HostPools pools = HostPoolsSeeder.partlyUsed("h", TypicalHost.devices(0), false, new Random(1));

        assertThat(pools.pools()).hasSize(8);
        assertThat(pools.pools().stream().mapToInt(Pool::total).sum()).isEqualTo(TypicalHost.DEVICES);
        assertThat(pools.pools()).allSatisfy(pool -> assertThat(pool.free()).isBetween(0, pool.total()));
        assertThat(pools.freeByGroup()).containsOnlyKeys(TypicalHost.GPU_A100, TypicalHost.NVME,
                TypicalHost.PHYSNET);
    }

    @Test
    void aStaleHostOffersNothing() {
        final HostPools pools = HostPoolsSeeder.partlyUsed("h", TypicalHost.devices(1), true, new Random(1));

        assertThat(pools.stale()).isTrue();
        assertThat(pools.pools()).allSatisfy(pool -> assertThat(pool.free()).isZero());
        assertThat(pools.freeByGroup()).containsKey(TypicalHost.GPU_H100);
    }

    @Test
    void everyAddressOfATypicalHostIsDistinct() {
        assertThat(TypicalHost.devices(0).stream().map(device -> device.address()).distinct().count())
                .isEqualTo(TypicalHost.DEVICES);
    }
}
