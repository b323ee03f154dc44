package io.pciledger.ledger.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RocksDbMemoryBudgetTest {

    private static final long MIB = 1024L * 1024;

    @Test
    void memtablesTakeTheirRatioOfTheTotal() {
        assertThat(new RocksDbMemoryBudget(64 * MIB, 0.5).writeBufferBytes()).isEqualTo(32 * MIB);
    }

    @Test
    void oneMemtableIsAQuarterOfTheMemtableBudget() {
        assertThat(new RocksDbMemoryBudget(64 * MIB, 0.5).memtableBytes()).isEqualTo(8 * MIB);
    }

    @Test
    void oneMemtableIsNeverLargerThanKafkaStreamsDefault() {
        assertThat(new RocksDbMemoryBudget(4096 * MIB, 0.5).memtableBytes()).isEqualTo(16 * MIB);
    }

    @Test
    void oneMemtableIsNeverSmallerThan64KiB() {
        assertThat(new RocksDbMemoryBudget(MIB, 0.01).memtableBytes()).isEqualTo(64 * 1024);
    }

    @Test
    void aMemtableAllocatesInBlocksOfAnEighthOfItself() {
        assertThat(new RocksDbMemoryBudget(MIB, 0.01).arenaBlockBytes()).isEqualTo(8 * 1024);
        assertThat(new RocksDbMemoryBudget(2 * MIB, 0.5).arenaBlockBytes()).isEqualTo(32 * 1024);
    }

    @Test
    void manyStoresCannotFillTheMemtableBudgetWithEmptyArenaBlocks() {
        final RocksDbMemoryBudget budget = new RocksDbMemoryBudget(64 * MIB, 0.5);

        assertThat(budget.arenaBlockBytes()).isEqualTo(64 * 1024);
        // The ledger's 48 stores, one block each, against RocksDB's default block of 1 MiB here (48 MiB).
        assertThat(48 * budget.arenaBlockBytes()).isLessThan(budget.writeBufferBytes() / 8);
    }

    @Test
    void aRatioOfZeroWouldLeaveMemtablesUnboundedAndIsRefused() {
        assertThatThrownBy(() -> new RocksDbMemoryBudget(64 * MIB, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("write buffer ratio");
    }
}
