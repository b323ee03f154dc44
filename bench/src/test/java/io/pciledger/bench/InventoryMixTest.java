package io.pciledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.agent.fleet.SimulatedFleet;
import io.pciledger.schemas.inventory.DeviceDiscovered;
import io.pciledger.schemas.inventory.DeviceVanished;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class InventoryMixTest {

    private static final List<String> HOSTS = SimulatedFleet.hostNames(20);
    private static DeviceTemplates templates;
    private static int devices;

    @BeforeAll
    static void scanHardware() throws Exception {
        templates = DeviceTemplates.scan(3);
        for (int host = 0; host < HOSTS.size(); host++) {
            devices += templates.devicesOf(host).size();
        }
    }

    @Test
    void everyHostDiscoversItsDevicesBeforeTheFleetChurns() {
        final List<InventoryMix.KeyedFact> mix = InventoryMix.generate(HOSTS, templates, devices + 500, 1);

        assertThat(mix.subList(0, devices)).allMatch(fact -> fact.kind() == InventoryMix.Kind.DISCOVERED);
        assertThat(mix.subList(devices, mix.size())).noneMatch(fact -> fact.kind() == InventoryMix.Kind.DISCOVERED);
    }

    @Test
    void removalsNamePresentDevicesAndReturnsVanishedOnes() {
        final Map<String, Set<String>> present = new HashMap<>();
        final Map<String, Set<String>> vanished = new HashMap<>();
        for (final InventoryMix.KeyedFact fact : InventoryMix.generate(HOSTS, templates, devices * 3, 2)) {
            final Set<String> here = present.computeIfAbsent(fact.host(), host -> new HashSet<>());
            final Set<String> gone = vanished.computeIfAbsent(fact.host(), host -> new HashSet<>());
            final Object payload = fact.fact().getPayload();
            switch (fact.kind()) {
                case DISCOVERED -> assertThat(here.add(address(payload))).isTrue();
                case UPDATED -> assertThat(here).contains(address(payload));
                case REMOVED -> {
                    assertThat(here.remove(((DeviceVanished) payload).getAddress())).isTrue();
                    gone.add(((DeviceVanished) payload).getAddress());
                }
                case RETURNED -> {
                    assertThat(gone.remove(address(payload))).isTrue();
                    here.add(address(payload));
                }
                case HEARTBEAT -> { }
            }
        }
    }

    @Test
    void updatesReportTheDeviceWithAnotherDriver() {
        final Map<String, DeviceDiscovered> last = new HashMap<>();
        for (final InventoryMix.KeyedFact fact : InventoryMix.generate(HOSTS, templates, devices * 2, 3)) {
            if (fact.fact().getPayload() instanceof DeviceDiscovered discovered) {
                final String key = fact.host() + "/" + discovered.getDevice().getAddress();
                if (fact.kind() == InventoryMix.Kind.UPDATED) {
                    assertThat(discovered.getDevice().getDriver()).isNotEqualTo(last.get(key).getDevice().getDriver());
                }
                last.put(key, discovered);
            }
        }
    }

    @Test
    void churnFollowsItsWeights() {
        final int churn = 20_000;
        final Map<InventoryMix.Kind, Integer> census =
                InventoryMix.census(InventoryMix.generate(HOSTS, templates, devices + churn, 4));

        assertThat(census.get(InventoryMix.Kind.HEARTBEAT)).isBetween(churn * 37 / 100, churn * 43 / 100);
        assertThat(census.get(InventoryMix.Kind.UPDATED)).isBetween(churn * 27 / 100, churn * 33 / 100);
        assertThat(census.get(InventoryMix.Kind.REMOVED)).isBetween(churn * 13 / 100, churn * 17 / 100);
        assertThat(census.get(InventoryMix.Kind.RETURNED)).isBetween(churn * 13 / 100, churn * 17 / 100);
    }

    @Test
    void theSameSeedGivesTheSameFacts() {
        assertThat(InventoryMix.generate(HOSTS, templates, devices + 300, 5))
                .isEqualTo(InventoryMix.generate(HOSTS, templates, devices + 300, 5));
    }

    private static String address(final Object payload) {
        return ((DeviceDiscovered) payload).getDevice().getAddress();
    }
}
