package io.pciledger.agent.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.agent.device.PciAddress;
import io.pciledger.agent.device.PciAddresses;
import java.util.Locale;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AddressGlobPropertyTest {

    @Property
    void canonicalAddressMatchesTheGlobOfItself(@ForAll("addresses") final PciAddress address) {
        final AddressGlob glob = AddressGlob.parse(address.toString());

        assertThat(glob.matches(address)).isTrue();
        assertThat(glob.singleAddress()).contains(address);
    }

    @Property
    void paddingAndCaseDoNotChangeWhatAGlobMatches(
            @ForAll("addresses") final PciAddress address, @ForAll("addresses") final PciAddress other) {
        final String unpadded = String.format(Locale.ROOT, "%X:%X:%X.%x",
                address.domain(), address.bus(), address.slot(), address.function());

        assertThat(AddressGlob.parse(unpadded).matches(other))
                .isEqualTo(AddressGlob.parse(address.toString()).matches(other));
    }

    @Property
    void wildcardingAFieldNeverLosesAMatch(@ForAll("addresses") final PciAddress address) {
        final String[] wildcarded = {
            "*:" + address.busHex() + ":" + address.slotHex() + "." + address.functionHex(),
            address.domainHex() + ":*:" + address.slotHex() + "." + address.functionHex(),
            address.domainHex() + ":" + address.busHex() + ":*." + address.functionHex(),
            address.domainHex() + ":" + address.busHex() + ":" + address.slotHex() + ".*",
        };
        for (final String glob : wildcarded) {
            assertThat(AddressGlob.parse(glob).matches(address)).as(glob).isTrue();
        }
    }

    @Provide
    Arbitrary<PciAddress> addresses() {
        return PciAddresses.any();
    }
}
