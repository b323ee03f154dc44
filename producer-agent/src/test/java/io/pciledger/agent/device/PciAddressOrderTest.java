package io.pciledger.agent.device;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PciAddressOrderTest {

    @Property
    void ordersExactlyAsTheCanonicalTextDoes(
            @ForAll("addresses") final PciAddress a, @ForAll("addresses") final PciAddress b) {
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(Integer.signum(a.toString().compareTo(b.toString())));
    }

    @Provide
    Arbitrary<PciAddress> addresses() {
        return PciAddresses.any();
    }
}
