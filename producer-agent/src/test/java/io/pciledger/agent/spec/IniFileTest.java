package io.pciledger.agent.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IniFileTest {

    private static IniFile ini(final String text) {
        return IniFile.parse(text, "nova.conf");
    }

    @Test
    void repeatedKeyKeepsEveryValueInOrder() {
        assertThat(ini("[pci]\nalias = a\nalias = b\n").values("pci", "alias")).containsExactly("a", "b");
    }

    @Test
    void repeatedSectionAddsUp() {
        assertThat(ini("[pci]\nalias = a\n[DEFAULT]\nx = 1\n[pci]\nalias = b\n").values("pci", "alias"))
                .containsExactly("a", "b");
    }

    @Test
    void indentedLinesContinueTheValue() {
        assertThat(ini("[pci]\nalias = {\n  \"name\": \"a\"\n  }\n").values("pci", "alias"))
                .containsExactly("{\n\"name\": \"a\"\n}");
    }

    @Test
    void blankLineEndsTheValue() {
        assertThatThrownBy(() -> ini("[pci]\nalias = {\n\n  }\n"))
                .isInstanceOfSatisfying(ConfigFileException.class, e -> assertThat(e.line()).hasValue(4))
                .hasMessageContaining("Unexpected continuation line");
    }

    @Test
    void colonSeparatesWhenItComesBeforeTheEqualsSign() {
        assertThat(ini("[pci]\nalias: {\"a\": 1}\n").values("pci", "alias")).containsExactly("{\"a\": 1}");
        assertThat(ini("[pci]\nalias = {\"a\": 1}\n").values("pci", "alias")).containsExactly("{\"a\": 1}");
    }

    @Test
    void wholeValueInMatchingQuotesLosesThem() {
        assertThat(ini("[pci]\nalias = '{\"a\": 1}'\n").values("pci", "alias")).containsExactly("{\"a\": 1}");
    }

    @Test
    void commentLinesAreIgnored() {
        assertThat(ini("# header\n[pci]\n; alias = x\nalias = y\n").values("pci", "alias")).containsExactly("y");
    }

    @Test
    void lineWithoutSeparatorIsAnError() {
        assertThatThrownBy(() -> ini("[pci]\ndevice_spec\n"))
                .isInstanceOfSatisfying(ConfigFileException.class, e -> assertThat(e.line()).hasValue(2))
                .hasMessageStartingWith("nova.conf:2: No ':' or '=' found");
    }

    @Test
    void sectionWithoutClosingBracketIsAnError() {
        assertThatThrownBy(() -> ini("[pci\n")).hasMessageContaining("must end with ]");
    }

    @Test
    void assignmentBeforeAnySectionIsAnError() {
        assertThatThrownBy(() -> ini("alias = x\n")).hasMessageContaining("before any [section]");
    }
}
