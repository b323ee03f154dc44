package io.pciledger.agent.spec;

import static io.pciledger.agent.spec.SpecAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AliasExtraSpecTest {

    @Test
    void singleRequestIsNameAndCount() {
        assertThat(AliasExtraSpec.parse("QuickAssist:2").items())
                .containsExactly(new AliasExtraSpec.Item("QuickAssist", 2));
    }

    @Test
    void requestsAreCommaSeparatedWithOptionalBlanks() {
        assertThat(AliasExtraSpec.parse("a:1 , b:2,c:3").items()).containsExactly(
                new AliasExtraSpec.Item("a", 1), new AliasExtraSpec.Item("b", 2), new AliasExtraSpec.Item("c", 3));
    }

    @Test
    void sameAliasTwiceIsTwoRequests() {
        assertThat(AliasExtraSpec.parse("a:1,a:2").items()).hasSize(2);
    }

    @Test
    void zeroCountIsAcceptedAsInNova() {
        assertThat(AliasExtraSpec.parse("a:0").items()).containsExactly(new AliasExtraSpec.Item("a", 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "a:", ":1", "a:x", "a:-1", "a:1,", "a:1 ", "a,b:1", "a:1:2", "a:99999999999"})
    void malformedValueIsInvalidFormat(final String value) {
        assertRejected(() -> AliasExtraSpec.parse(value), AliasRequestException.Kind.INVALID_FORMAT)
                .hasMessageContaining("'" + value + "'")
                .hasMessageContaining("name:count");
    }
}
