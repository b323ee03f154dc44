package io.pciledger.ledger.config;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds the off-heap memory of every RocksDB store of the process by one number, as Kafka Streams' memory
 * management guide describes ("bounded memory RocksDB"): all stores share one block cache of
 * {@link RocksDbMemoryBudget#totalBytes()}, their index and filter blocks are cached in it (not held beside it), and
 * one {@link WriteBufferManager} counts every memtable against that same cache, flushing the largest memtable
 * when they reach {@link RocksDbMemoryBudget#writeBufferBytes()}. Without it each store (one per task and store:
 * 6 partitions and 2 stores are 12) takes its own 50 MiB cache and up to 3 x 16 MiB of memtables.
 *
 * <p>{@link LedgerConfig#streamsProperties()} names this class as {@code rocksdb.config.setter} and passes
 * {@value LedgerConfig#ROCKSDB_MEMORY_BYTES} and {@value LedgerConfig#ROCKSDB_WRITE_BUFFER_RATIO}, which
 * {@link #setConfig} reads from the application's configuration.
 *
 * <p>Choices:
 * <ul>
 *   <li>The cache does <em>not</em> enforce a strict capacity limit. With a strict limit RocksDB fails a read or
 *       an iteration that would need more than the capacity (while iterators pin blocks, say), which in the ledger
 *       would kill a stream thread over a claim; and RocksDB cannot charge memtables to a strict cache (Kafka's
 *       guide, RocksDB issue 6247). The bound therefore holds except for blocks pinned for a moment beyond it.</li>
 *   <li>Index and filter blocks are cached with high priority in a tenth of the cache, so that data blocks do not
 *       evict them (each miss there would cost a disk read per lookup).</li>
 *   <li>The shared objects live as long as the process: Kafka Streams calls {@link #close} for each store as it
 *       closes, while other stores (and stores reopened after a rebalance) still use them, so {@code close}
 *       releases nothing. One cache is created per distinct budget: a process running one ledger has exactly
 *       one; several ledgers in one JVM (as in tests) with the same budget share it.</li>
 * </ul>
 */
public final class BoundedRocksDbMemory implements RocksDBConfigSetter {

    /** The share of the cache kept for index and filter blocks, which data blocks cannot evict. */
    static final double INDEX_AND_FILTER_SHARE = 0.1;

    private static final Logger LOG = LoggerFactory.getLogger(BoundedRocksDbMemory.class);

    private static final Map<RocksDbMemoryBudget, SharedMemory> SHARED = new ConcurrentHashMap<>();

    @Override
    public void setConfig(final String storeName, final Options options, final Map<String, Object> configs) {
        final SharedMemory shared = sharedMemoryOf(budgetOf(configs));
        // Kafka Streams hands over its own table config, whose cache it can report in metrics: change that one.
        final BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(shared.cache());
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferManager(shared.writeBufferManager());
        options.setWriteBufferSize(shared.budget().memtableBytes());
        options.setArenaBlockSize(shared.budget().arenaBlockBytes());
    }

    @Override
    public void close(final String storeName, final Options options) {
        // Nothing to release: the cache and the write buffer manager are shared by every store of the process.
    }

    /** The cache and write buffer manager every store with {@code budget} uses; created on the first call. */
    static SharedMemory sharedMemoryOf(final RocksDbMemoryBudget budget) {
        return SHARED.computeIfAbsent(budget, SharedMemory::allocate);
    }

    /**
     * @throws ConfigException naming the key, when the budget is missing or invalid
     */
    static RocksDbMemoryBudget budgetOf(final Map<String, ?> configs) {
        final long totalBytes = (Long) required(configs, LedgerConfig.ROCKSDB_MEMORY_BYTES, Type.LONG);
        final double ratio = (Double) required(configs, LedgerConfig.ROCKSDB_WRITE_BUFFER_RATIO, Type.DOUBLE);
        try {
            return new RocksDbMemoryBudget(totalBytes, ratio);
        } catch (final IllegalArgumentException e) {
            throw new ConfigException(e.getMessage() + " (" + LedgerConfig.ROCKSDB_MEMORY_BYTES + "=" + totalBytes
                    + ", " + LedgerConfig.ROCKSDB_WRITE_BUFFER_RATIO + "=" + ratio + ")");
        }
    }

    private static Object required(final Map<String, ?> configs, final String key, final Type type) {
        final Object value = configs.get(key);
        if (value == null) {
            throw new ConfigException(key, null, "must be set for " + BoundedRocksDbMemory.class.getSimpleName()
                    + "; LedgerConfig.streamsProperties() sets it");
        }
        return ConfigDef.parseType(key, value, type);
    }

    /** The native objects one budget's stores share. */
    record SharedMemory(RocksDbMemoryBudget budget, Cache cache, WriteBufferManager writeBufferManager) {

        static SharedMemory allocate(final RocksDbMemoryBudget budget) {
            final Cache cache = new LRUCache(budget.totalBytes(), -1, false, INDEX_AND_FILTER_SHARE);
            final WriteBufferManager writeBufferManager = new WriteBufferManager(budget.writeBufferBytes(), cache);
            LOG.info("RocksDB stores share {} bytes of block cache, memtables counted in it up to {} bytes "
                    + "({} bytes per memtable)", budget.totalBytes(), budget.writeBufferBytes(), budget.memtableBytes());
            return new SharedMemory(budget, cache, writeBufferManager);
        }
    }
}
