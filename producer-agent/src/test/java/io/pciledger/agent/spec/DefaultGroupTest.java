package io.pciledger.agent.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DefaultGroupTest {

    @Test
    void networkControllersAreDefaultNetwork() {
        assertThat(DefaultGroup.forClassCode("020000").groupName()).isEqualTo("default-network");
    }

    @Test
    void displayControllersAreDefaultGpu() {
        assertThat(DefaultGroup.forClassCode("030200").groupName()).isEqualTo("default-gpu");
    }

    @Test
    void massStorageIncludingNvmeIsDefaultStorage() {
        assertThat(DefaultGroup.forClassCode("010802").groupName()).isEqualTo("default-storage");
    }

    @Test
    void processingAcceleratorsAreDefaultAccelerator() {
        assertThat(DefaultGroup.forClassCode("120000").groupName()).isEqualTo("default-accelerator");
    }

    @Test
    void everyOtherClassIsDefaultOther() {
        assertThat(DefaultGroup.forClassCode("0b4000")).isEqualTo(DefaultGroup.OTHER);
        assertThat(DefaultGroup.forClassCode("ffffff")).isEqualTo(DefaultGroup.OTHER);
    }

    @Test
    void malformedClassCodeIsDefaultOther() {
        assertThat(DefaultGroup.forClassCode("02")).isEqualTo(DefaultGroup.OTHER);
        assertThat(DefaultGroup.forClassCode(null)).isEqualTo(DefaultGroup.OTHER);
    }

    @Test
    void classCodeIsReadCaseInsensitively() {
        assertThat(DefaultGroup.forClassCode("12AB00")).isEqualTo(DefaultGroup.ACCELERATOR);
    }
}
