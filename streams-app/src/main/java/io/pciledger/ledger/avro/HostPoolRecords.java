package io.pciledger.ledger.avro;

import io.pciledger.ledger.domain.HostPools;
import io.pciledger.ledger.domain.Pool;
import java.time.Instant;

/**
 * Topic {@code pci.host-pools} (key host): the Avro {@code HostPools} and the domain's {@link HostPools}. The
 * envelope adds when the agent was last heard and when the pools were computed, which the domain view does not
 * carry.
 */
public final class HostPoolRecords {

    private HostPoolRecords() {
    }

    /**
     * @param lastSeen  when the host's agent was last heard, or null if never
     * @param updatedAt when these pools were computed (the ledger's clock)
     */
    public static io.pciledger.schemas.derived.HostPools toAvro(final HostPools pools, final Instant lastSeen,
            final Instant updatedAt) {
        return new io.pciledger.schemas.derived.HostPools(pools.host(), pools.stale(), lastSeen,
                pools.pools().stream().map(HostPoolRecords::toAvro).toList(), updatedAt);
    }

    public static HostPools toDomain(final io.pciledger.schemas.derived.HostPools pools) {
        return new HostPools(pools.getHost(), pools.getStale(),
                pools.getPools().stream().map(HostPoolRecords::toDomain).toList());
    }

    private static io.pciledger.schemas.derived.Pool toAvro(final Pool pool) {
        return new io.pciledger.schemas.derived.Pool(pool.group(), CommonRecords.toAvro(pool.devType()),
                pool.numaNode(), pool.total(), pool.free());
    }

    private static Pool toDomain(final io.pciledger.schemas.derived.Pool pool) {
        return new Pool(pool.getGroup(), CommonRecords.toDomain(pool.getDevType()), pool.getNumaNode(),
                pool.getTotal(), pool.getFree());
    }
}
