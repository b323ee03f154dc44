package io.pciledger.agent.spec;

import static io.pciledger.agent.spec.SpecAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.pciledger.agent.device.PciAddress;
import org.junit.jupiter.api.Test;

class AddressRegexTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PciAddress ADDRESS = PciAddress.parse("0000:0a:00.5");

    private static AddressRegex regex(final String json) throws Exception {
        final JsonNode node = JSON.readTree(json);
        return AddressRegex.fromJson(node);
    }

    @Test
    void matchesWhenEveryFieldMatches() throws Exception {
        assertThat(regex("{\"domain\": \".*\", \"bus\": \"0a\", \"slot\": \"00\", \"function\": \"[5-6]\"}")
                .matches(ADDRESS)).isTrue();
        assertThat(regex("{\"domain\": \".*\", \"bus\": \"0a\", \"slot\": \"00\", \"function\": \"[6-7]\"}")
                .matches(ADDRESS)).isFalse();
    }

    @Test
    void missingFieldsMatchAnything() throws Exception {
        assertThat(regex("{\"slot\": \"00\"}").matches(ADDRESS)).isTrue();
        assertThat(regex("{}").matches(PciAddress.parse("ffff:ff:1f.7"))).isTrue();
    }

    @Test
    void expressionIsAnchoredAtTheStartOnly() throws Exception {
        assertThat(regex("{\"function\": \"0\"}").matches(PciAddress.parse("0000:0a:00.0"))).isTrue();
        assertThat(regex("{\"bus\": \"0\"}").matches(PciAddress.parse("0000:0a:00.0"))).isTrue();
        assertThat(regex("{\"bus\": \"a\"}").matches(PciAddress.parse("0000:0a:00.0"))).isFalse();
    }

    @Test
    void matchingIsCaseSensitiveAgainstLowerCaseFields() throws Exception {
        assertThat(regex("{\"bus\": \"0A\"}").matches(ADDRESS)).isFalse();
    }

    @Test
    void expressionThatDoesNotCompileIsInvalidRegex() {
        assertRejected(() -> regex("{\"function\": \"[6[-7]\"}"), DeviceSpecException.Kind.INVALID_REGEX)
                .hasMessageContaining("function")
                .hasMessageContaining("'[6[-7]'");
    }

    @Test
    void globStarIsNotARegex() {
        assertRejected(() -> regex("{\"domain\": \"*\"}"), DeviceSpecException.Kind.INVALID_REGEX);
    }

    @Test
    void fieldThatIsNotAStringIsAnInvalidAddress() {
        assertRejected(() -> regex("{\"bus\": 10}"), DeviceSpecException.Kind.INVALID_ADDRESS)
                .hasMessageContaining("bus 10");
    }

    @Test
    void canonicalHexFieldsNameASingleAddress() throws Exception {
        assertThat(regex("{\"domain\": \"0000\", \"bus\": \"0a\", \"slot\": \"00\", \"function\": \"5\"}")
                .singleAddress()).contains(ADDRESS);
    }

    @Test
    void nonCanonicalOrPartialFieldsNameNoSingleAddress() throws Exception {
        assertThat(regex("{\"domain\": \"0000\", \"bus\": \"a\", \"slot\": \"00\", \"function\": \"5\"}")
                .singleAddress()).isEmpty();
        assertThat(regex("{\"bus\": \"0a\", \"slot\": \"00\", \"function\": \"5\"}").singleAddress()).isEmpty();
    }
}
