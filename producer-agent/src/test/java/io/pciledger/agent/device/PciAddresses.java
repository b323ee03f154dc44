package io.pciledger.agent.device;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Random PCI addresses over the whole valid range, for property tests. */
public final class PciAddresses {

    private PciAddresses() {
    }

    public static Arbitrary<PciAddress> any() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, PciAddress.MAX_DOMAIN),
                        Arbitraries.integers().between(0, PciAddress.MAX_BUS),
                        Arbitraries.integers().between(0, PciAddress.MAX_SLOT),
                        Arbitraries.integers().between(0, PciAddress.MAX_FUNCTION))
                .as(PciAddress::new);
    }
}
