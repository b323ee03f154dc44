package io.pciledger.agent.sysfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HexAttributeTest {

    @Test
    void dropsPrefixAndNewline() {
        assertThat(HexAttribute.ID.normalise("0x8086\n")).isEqualTo("8086");
    }

    @Test
    void lowerCasesAndPadsToFixedWidth() {
        assertThat(HexAttribute.CLASS_CODE.normalise("0X1A0F\n")).isEqualTo("001a0f");
    }

    @Test
    void acceptsValueWithoutPrefix() {
        assertThat(HexAttribute.ID.normalise("15b3")).isEqualTo("15b3");
    }

    @Test
    void rejectsValueWiderThanTheAttribute() {
        assertThatThrownBy(() -> HexAttribute.ID.normalise("0x123456"))
                .hasMessage("holds '0x123456', expected a hex number of at most 4 digits such as 0x8086");
    }

    @Test
    void rejectsNonAsciiDigits() {
        assertThatThrownBy(() -> HexAttribute.ID.normalise("0x\u0661\u0662"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsBarePrefix() {
        assertThatThrownBy(() -> HexAttribute.ID.normalise("0x\n")).isInstanceOf(IllegalArgumentException.class);
    }
}
