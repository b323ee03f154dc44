package io.pciledger.agent.publish;

import io.pciledger.schemas.common.Device;
import io.pciledger.schemas.inventory.DeviceDiscovered;
import io.pciledger.schemas.inventory.DeviceVanished;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The facts that take the ledger from what an agent last published to what it sees now: a
 * {@link DeviceDiscovered} for every new or changed device (attributes, group or tags), a
 * {@link DeviceVanished} for every device that is gone. Unchanged devices produce nothing.
 */
public final class InventoryDiff {

    private InventoryDiff() {
    }

    /**
     * @param published devices by address, as last published
     * @param current   devices by address, as seen now
     * @return fact payloads in address order: discoveries first, then removals
     */
    public static List<Object> between(final Map<String, Device> published, final Map<String, Device> current) {
        final List<Object> payloads = new ArrayList<>();
        current.keySet().stream().sorted().forEach(address -> {
            final Device now = current.get(address);
            if (!now.equals(published.get(address))) {
                payloads.add(new DeviceDiscovered(now));
            }
        });
        published.keySet().stream().sorted()
                .filter(address -> !current.containsKey(address))
                .forEach(address -> payloads.add(new DeviceVanished(address)));
        return payloads;
    }
}
