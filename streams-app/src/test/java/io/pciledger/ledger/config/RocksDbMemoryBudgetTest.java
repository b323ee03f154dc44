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
    void aRatioOfZeroWouldLeaveMemtablesUnboundedAndIsRefused() {
        assertThatThrownBy(() -> new RocksDbMemoryBudget(64 * MIB, 0.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("write buffer ratio");
    }
}
