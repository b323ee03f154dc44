package io.pciledger.bench;

import io.pciledger.agent.fleet.SimulatedFleet;
import java.io.IOException;
import java.util.List;

/**
 * The inventory facts {@code bench fold} folds, and {@code bench raw-kafka} sends as the raw baseline: an
 * {@link InventoryMix} over a fleet of {@code hosts} simulated hosts whose devices come from the agent's own scan of
 * 16 generated hardware variants ({@link DeviceTemplates}), with a fixed seed, so that both scenarios move exactly the
 * same keys and bytes (about 121 bytes a value).
 *
 * @param mix     the facts, each keyed by its host
 * @param encoded the same facts as their bytes on {@code pci.inventory}
 */
record FoldFacts(List<InventoryMix.KeyedFact> mix, List<EncodedFact> encoded) {

    private static final int HARDWARE_VARIANTS = 16;
    private static final long MIX_SEED = 4;

    FoldFacts {
        mix = List.copyOf(mix);
        encoded = List.copyOf(encoded);
    }

    /**
     * @throws IOException when the scratch sysfs trees of the hardware variants cannot be written
     */
    static FoldFacts generate(final int facts, final int hosts) throws IOException {
        final List<InventoryMix.KeyedFact> mix = InventoryMix.generate(SimulatedFleet.hostNames(hosts),
                DeviceTemplates.scan(HARDWARE_VARIANTS), facts, MIX_SEED);
        return new FoldFacts(mix, EncodedFact.encode(mix));
    }
}
