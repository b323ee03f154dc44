package io.pciledger.ledger.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

/** What the setter does to each store's RocksDB options, on real (native) RocksDB option objects. */
class BoundedRocksDbMemoryTest {

    private static final long MIB = 1024L * 1024;

    private final BoundedRocksDbMemory setter = new BoundedRocksDbMemory();

    @Test
    void storesOfOneBudgetShareOneWriteBufferManager() {
        final Map<String, Object> configs = budget(40 * MIB, 0.5);
        try (Options first = storeOptions(); Options second = storeOptions()) {
            setter.setConfig("host-ledgers", first, configs);
            new BoundedRocksDbMemory().setConfig("group-counts", second, configs);

            assertThat(first.writeBufferManager())
                    .isSameAs(second.writeBufferManager())
                    .isSameAs(BoundedRocksDbMemory.sharedMemoryOf(new RocksDbMemoryBudget(40 * MIB, 0.5))
                            .writeBufferManager());
        }
    }

    @Test
    void indexAndFilterBlocksAreCachedWithHighPriority() {
        try (Options options = storeOptions()) {
            setter.setConfig("host-ledgers", options, budget(41 * MIB, 0.5));

            final BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
            assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
            assertThat(table.cacheIndexAndFilterBlocksWithHighPriority()).isTrue();
        }
    }

    @Test
    void memtablesAreSizedFromTheBudget() {
        try (Options options = storeOptions()) {
            setter.setConfig("host-ledgers", options, budget(42 * MIB, 0.5));

            assertThat(options.writeBufferSize()).isEqualTo(42 * MIB / 2 / 4);
            assertThat(options.arenaBlockSize()).isEqualTo(64 * 1024);
        }
    }

    @Test
    void closingOneStoreLeavesTheSharedCacheAndManagerToTheOthers() {
        final Map<String, Object> configs = budget(43 * MIB, 0.5);
        try (Options closing = storeOptions(); Options staying = storeOptions()) {
            setter.setConfig("host-ledgers", closing, configs);
            setter.setConfig("group-counts", staying, configs);

            setter.close("host-ledgers", closing);

            final BoundedRocksDbMemory.SharedMemory shared =
                    BoundedRocksDbMemory.sharedMemoryOf(new RocksDbMemoryBudget(43 * MIB, 0.5));
            assertThat(shared.cache().isOwningHandle()).isTrue();
            assertThat(shared.writeBufferManager().isOwningHandle()).isTrue();
            assertThat(staying.writeBufferManager()).isSameAs(shared.writeBufferManager());
        }
    }

    @Test
    void budgetsGivenAsTextAreReadToo() {
        assertThat(BoundedRocksDbMemory.budgetOf(Map.of(LedgerConfig.ROCKSDB_MEMORY_BYTES, "8388608",
                LedgerConfig.ROCKSDB_WRITE_BUFFER_RATIO, "0.25")))
                .isEqualTo(new RocksDbMemoryBudget(8 * MIB, 0.25));
    }

    @Test
    void aMissingBudgetIsRefusedNamingTheKey() {
        try (Options options = storeOptions()) {
            assertThatThrownBy(() -> setter.setConfig("host-ledgers", options,
                    Map.of(LedgerConfig.ROCKSDB_WRITE_BUFFER_RATIO, 0.5)))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageContaining(LedgerConfig.ROCKSDB_MEMORY_BYTES);
        }
    }

    @Test
    void anInvalidBudgetIsRefusedNamingTheKeys() {
        assertThatThrownBy(() -> BoundedRocksDbMemory.budgetOf(budget(8 * MIB, 1.5)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(LedgerConfig.ROCKSDB_WRITE_BUFFER_RATIO + "=1.5");
    }

    /** Options as Kafka Streams hands them to the setter: with a block-based table config to change. */
    private static Options storeOptions() {
        final Options options = new Options();
        options.setTableFormatConfig(new BlockBasedTableConfig());
        return options;
    }

    private static Map<String, Object> budget(final long totalBytes, final double writeBufferRatio) {
        return Map.of(LedgerConfig.ROCKSDB_MEMORY_BYTES, totalBytes,
                LedgerConfig.ROCKSDB_WRITE_BUFFER_RATIO, writeBufferRatio);
    }
}
