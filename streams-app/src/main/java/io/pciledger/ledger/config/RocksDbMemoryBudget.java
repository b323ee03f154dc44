package io.pciledger.ledger.config;

/**
 * The off-heap memory that every RocksDB store of one ledger process may use together: one block cache of
 * {@code totalBytes}, of which the memtables (write buffers) may take up to {@code writeBufferRatio}; data blocks,
 * index and filter blocks take the rest. Configured by {@value LedgerConfig#ROCKSDB_MEMORY_BYTES} and
 * {@value LedgerConfig#ROCKSDB_WRITE_BUFFER_RATIO}; applied by {@link BoundedRocksDbMemory}.
 *
 * <p>Example: 64 MiB with a ratio of 0.5 lets memtables hold up to 32 MiB before the largest one is flushed,
 * and caches blocks read from disk in what the memtables leave free.
 */
public record RocksDbMemoryBudget(long totalBytes, double writeBufferRatio) {

    /** Kafka Streams' own memtable size per store, which a small budget must not exceed. */
    private static final long KAFKA_STREAMS_MEMTABLE_BYTES = 16L * 1024 * 1024;

    /** How many memtables of one store the memtable budget can hold at once. */
    private static final int MEMTABLES_PER_BUDGET = 4;

    /** Below this a memtable would flush every few records. */
    private static final long SMALLEST_MEMTABLE_BYTES = 64L * 1024;

    /** The largest block a memtable allocates its memory in. */
    private static final long LARGEST_ARENA_BLOCK_BYTES = 64L * 1024;

    /** RocksDB's own arena block, as a share of the memtable: an eighth. */
    private static final int ARENA_BLOCKS_PER_MEMTABLE = 8;

    /**
     * @throws IllegalArgumentException when the total is not positive or the ratio is not between 0 and 1
     */
    public RocksDbMemoryBudget {
        if (totalBytes <= 0) {
            throw new IllegalArgumentException("the RocksDB memory budget must be positive, was " + totalBytes);
        }
        if (!(writeBufferRatio > 0 && writeBufferRatio < 1)) {
            throw new IllegalArgumentException(
                    "the write buffer ratio must be more than 0 and less than 1, was " + writeBufferRatio);
        }
    }

    /** The share of the budget the memtables of all stores may take together. */
    public long writeBufferBytes() {
        return (long) (totalBytes * writeBufferRatio);
    }

    /**
     * The size at which one store's memtable is flushed: Kafka Streams' 16 MiB, or less on a small budget, so that
     * no single store can take the whole memtable budget and RocksDB allocates memtable arenas (an eighth of
     * this) in steps that are small against the budget. Never less than 64 KiB.
     */
    public long memtableBytes() {
        return Math.max(SMALLEST_MEMTABLE_BYTES,
                Math.min(KAFKA_STREAMS_MEMTABLE_BYTES, writeBufferBytes() / MEMTABLES_PER_BUDGET));
    }

    /**
     * The block a memtable allocates its memory in: RocksDB's own choice, an eighth of the memtable, but at most
     * 64 KiB. Every store's memtable holds at least one block, and the write buffer manager counts it: with 1 MiB
     * blocks (an 8 MiB memtable) the ledger's 48 stores (8 stores, 6 partitions) held 48 MiB before writing anything,
     * over a 32 MiB memtable budget, so RocksDB flushed a memtable after nearly every write and compacted the
     * results: its background threads took 38 % of a core while claims were decided (docs/benchmarks.md).
     */
    public long arenaBlockBytes() {
        return Math.min(LARGEST_ARENA_BLOCK_BYTES, memtableBytes() / ARENA_BLOCKS_PER_MEMTABLE);
    }
}
