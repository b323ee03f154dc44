package io.pciledger.agent.sysfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pciledger.agent.device.DevType;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class HardwareProfileTest {

    @Test
    void sameHostNameAlwaysGetsTheSameHardware() {
        assertThat(HardwareProfile.TYPICAL_COMPUTE.hardwareOf("compute-0042"))
                .isEqualTo(HardwareProfile.TYPICAL_COMPUTE.hardwareOf("compute-0042"));
    }

    @Test
    void hostsOfAFleetGetVariedHardware() {
        final Set<String> layouts = IntStream.rangeClosed(1, 20)
                .mapToObj(i -> HardwareProfile.TYPICAL_COMPUTE.hardwareOf(String.format("compute-%04d", i)))
                .map(host -> host.size() + " " + host.functions().get(host.size() - 1).model().name())
                .collect(Collectors.toSet());

        assertThat(layouts).hasSizeGreaterThan(3);
    }

    @Test
    void typicalComputeHostHasAboutSixtyFourFunctions() {
        assertThat(IntStream.rangeClosed(1, 50)
                .map(i -> HardwareProfile.TYPICAL_COMPUTE.hardwareOf("compute-" + i).size()))
                .allSatisfy(size -> assertThat(size).isBetween(40, 90));
    }

    @Test
    void typicalComputeHostHasSriovNicsOnBothSockets() {
        final HostHardware host = HardwareProfile.TYPICAL_COMPUTE.hardwareOf("compute-0001");

        assertThat(host.functions()).filteredOn(function -> function.devType() == DevType.TYPE_PF)
                .extracting(FakeFunction::numaNode).containsOnly(0, 1).contains(0, 1);
    }

    @Test
    void denseHostHasExactlyTwoThousandFunctions() {
        assertThat(HardwareProfile.DENSE.hardwareOf("dense-0001").size()).isEqualTo(2000);
    }

    @Property(tries = 50)
    void everyHostNameGivesAConsistentHost(
            @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 20) final String hostName) {
        final HostHardware host = HardwareProfile.TYPICAL_COMPUTE.hardwareOf(hostName);

        assertThat(host.functions()).filteredOn(function -> function.devType() == DevType.TYPE_VF)
                .allSatisfy(vf -> {
                    final FakeFunction pf = host.find(vf.parent()).orElseThrow();
                    assertThat(pf.vfs()).contains(vf.address());
                    assertThat(vf.address().bus()).isEqualTo(pf.address().bus());
                    assertThat(vf.address().compareTo(pf.address())).isPositive();
                });
    }

    @Test
    void isFoundByItsName() {
        assertThat(HardwareProfile.named("dense")).isEqualTo(HardwareProfile.DENSE);
    }

    @Test
    void unknownNameIsRejectedListingTheKnownOnes() {
        assertThatThrownBy(() -> HardwareProfile.named("huge"))
                .hasMessage("'huge' is not a hardware profile; expected one of typical-compute, dense");
    }
}
