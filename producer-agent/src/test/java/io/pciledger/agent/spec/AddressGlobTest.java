package io.pciledger.agent.spec;

import static io.pciledger.agent.spec.SpecAssertions.assertRejected;
import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.agent.device.PciAddress;
import org.junit.jupiter.api.Test;

class AddressGlobTest {

    private static final PciAddress ADDRESS = PciAddress.parse("0000:0a:00.1");

    private static boolean globMatches(final String glob, final String address) {
        return AddressGlob.parse(glob).matches(PciAddress.parse(address));
    }

    @Test
    void fullAddressMatchesOnlyItself() {
        assertThat(globMatches("0000:0a:00.1", "0000:0a:00.1")).isTrue();
        assertThat(globMatches("0000:0a:00.1", "0000:0a:00.2")).isFalse();
        assertThat(globMatches("0000:0a:00.1", "0001:0a:00.1")).isFalse();
    }

    @Test
    void emptyDomainMatchesAnyDomain() {
        assertThat(AddressGlob.parse(":0a:00.1")).hasToString("*:0a:00.1");
        assertThat(globMatches(":0a:00.1", "0005:0a:00.1")).isTrue();
    }

    @Test
    void twoPartsAreBusAndSlot() {
        assertThat(AddressGlob.parse("0a:00.*")).hasToString("*:0a:00.*");
        assertThat(globMatches("0a:00.*", "0000:0a:00.7")).isTrue();
        assertThat(globMatches("0a:00.*", "0000:0b:00.7")).isFalse();
    }

    @Test
    void onePartIsTheSlot() {
        assertThat(AddressGlob.parse("02")).hasToString("*:*:02.*");
    }

    @Test
    void allWildcardsMatchEverything() {
        assertThat(AddressGlob.parse("*:*:*.*").matches(ADDRESS)).isTrue();
        assertThat(AddressGlob.parse("*:*:*.*").singleAddress()).isEmpty();
    }

    @Test
    void functionOnlyMatchesThatFunctionOfEveryDevice() {
        assertThat(AddressGlob.parse(".1")).hasToString("*:*:*.1");
        assertThat(globMatches(".1", "0003:7f:1f.1")).isTrue();
        assertThat(globMatches(".1", "0003:7f:1f.2")).isFalse();
    }

    @Test
    void emptyPartsAndMissingFunctionMeanAny() {
        assertThat(AddressGlob.parse(":0a:00.")).hasToString("*:0a:00.*");
        assertThat(AddressGlob.parse("")).hasToString("*:*:*.*");
    }

    @Test
    void blanksAroundPartsAreIgnored() {
        assertThat(AddressGlob.parse("*: *: *.6")).hasToString("*:*:*.6");
    }

    @Test
    void fieldsAreZeroPaddedLowerCaseHex() {
        assertThat(AddressGlob.parse("0:A:0.1")).hasToString("0000:0a:00.1");
        assertThat(AddressGlob.parse("0x0:0xA:0.1")).hasToString("0000:0a:00.1");
    }

    @Test
    void concreteGlobNamesASingleAddress() {
        assertThat(AddressGlob.parse("0:a:0.1").singleAddress()).contains(ADDRESS);
        assertThat(AddressGlob.parse("0a:00.1").singleAddress()).isEmpty();
    }

    @Test
    void moreThanThreeColonPartsIsAnError() {
        assertRejected(() -> AddressGlob.parse("0000:0a:0b:00.5"), DeviceSpecException.Kind.TOO_MANY_ADDRESS_PARTS)
                .hasMessageContaining("'0000:0a:0b:00.5'")
                .hasMessageContaining("at most 3");
    }

    @Test
    void fieldOverItsMaximumIsOutOfRange() {
        assertOutOfRange("10000:0a:00.5", "domain");
        assertOutOfRange("0000:100:00.5", "bus");
        assertOutOfRange("0000:0a:20.5", "slot");
        assertOutOfRange("0000:0a:00.8", "func");
    }

    @Test
    void fieldThatIsNotHexIsInvalid() {
        assertRejected(() -> AddressGlob.parse("0000:0g:00.1"), DeviceSpecException.Kind.INVALID_HEX)
                .hasMessageContaining("property bus ('0g')");
    }

    @Test
    void functionIsCheckedBeforeTheOtherFieldsAsNovaDoes() {
        assertRejected(() -> AddressGlob.parse("0000:h4.12:6"), DeviceSpecException.Kind.INVALID_HEX)
                .hasMessageContaining("property func ('12:6')");
    }

    @Test
    void partialWildcardIsNotAWildcard() {
        assertRejected(() -> AddressGlob.parse("0000:0*:00.1"), DeviceSpecException.Kind.INVALID_HEX);
    }

    @Test
    void blankFunctionAfterTheDotIsInvalid() {
        assertRejected(() -> AddressGlob.parse("0000:0a:00. "), DeviceSpecException.Kind.INVALID_HEX);
    }

    private static void assertOutOfRange(final String glob, final String property) {
        assertRejected(() -> AddressGlob.parse(glob), DeviceSpecException.Kind.VALUE_OUT_OF_RANGE)
                .hasMessageContaining("property " + property)
                .hasMessageContaining("greater than the maximum allowable value");
    }
}
