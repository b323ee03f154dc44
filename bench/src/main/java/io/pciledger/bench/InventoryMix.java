package io.pciledger.bench;

import io.pciledger.schemas.common.Device;
import io.pciledger.schemas.inventory.AgentHeartbeat;
import io.pciledger.schemas.inventory.DeviceDiscovered;
import io.pciledger.schemas.inventory.DeviceVanished;
import io.pciledger.schemas.inventory.InventoryFact;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * A fleet's stream of inventory facts, as its agents would publish them to {@code pci.inventory}: first every host
 * discovers its devices, one {@code DeviceDiscovered} each, host after host (an agent reports what its first scan
 * found in one burst), then the fleet churns. Each churn fact goes to a random host and is, by weight:
 *
 * <ul>
 *   <li>40 % a heartbeat (the agent rescanned and found no change);</li>
 *   <li>30 % an update: a present device is reported again with its driver rebound ({@code vfio-pci} and back);</li>
 *   <li>15 % a removal: a present device vanishes ({@code DeviceVanished});</li>
 *   <li>15 % a return: a vanished device is discovered again (an update when none has vanished).</li>
 * </ul>
 *
 * <p>Resync snapshots are not in the mix. The same seed gives the same facts.
 */
final class InventoryMix {

    /** What a fact of the mix is, for the figures. */
    enum Kind { DISCOVERED, UPDATED, REMOVED, RETURNED, HEARTBEAT }

    /** A fact and the host it is keyed by. */
    record KeyedFact(String host, InventoryFact fact, Kind kind) {
        KeyedFact {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(fact, "fact");
        }
    }

    private static final String VFIO = "vfio-pci";
    private static final Instant AGENT_CLOCK_START = Instant.parse("2025-01-01T00:00:00Z");

    private InventoryMix() {
    }

    /**
     * @param hosts     the fleet's host names; host {@code i} has the devices {@code templates.devicesOf(i)}
     * @param templates the devices of the hosts
     * @param facts     how many facts in all; when fewer than the devices, the last hosts discover fewer or none
     * @param seed      the churn's random seed
     */
    static List<KeyedFact> generate(final List<String> hosts, final DeviceTemplates templates, final int facts,
            final long seed) {
        if (hosts.isEmpty()) {
            throw new IllegalArgumentException("an inventory mix needs at least one host");
        }
        if (facts < 1) {
            throw new IllegalArgumentException("an inventory mix needs at least one fact, was " + facts);
        }
        final List<HostAgentState> agents = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            agents.add(new HostAgentState(hosts.get(i), templates.devicesOf(i)));
        }
        final List<KeyedFact> mix = new ArrayList<>(facts);
        for (final HostAgentState agent : agents) {
            for (final Device device : agent.initial) {
                if (mix.size() < facts) {
                    mix.add(agent.discover(device, Kind.DISCOVERED));
                }
            }
        }
        final SplittableRandom random = new SplittableRandom(seed);
        while (mix.size() < facts) {
            mix.add(agents.get(random.nextInt(agents.size())).churn(random));
        }
        return mix;
    }

    /** How many facts of each kind {@code mix} has. */
    static Map<Kind, Integer> census(final List<KeyedFact> mix) {
        final Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        for (final Kind kind : Kind.values()) {
            counts.put(kind, 0);
        }
        mix.forEach(fact -> counts.merge(fact.kind(), 1, Integer::sum));
        return counts;
    }

    /** What one host's agent has published so far, so that its next fact makes sense. */
    private static final class HostAgentState {

        private final String host;
        private final List<Device> initial;
        private final Map<String, Device> lastPublished = new HashMap<>();
        private final List<String> present = new ArrayList<>();
        private final List<String> vanished = new ArrayList<>();
        private final Map<String, String> originalDrivers = new HashMap<>();
        private int sent;

        HostAgentState(final String host, final List<Device> initial) {
            this.host = host;
            this.initial = initial;
        }

        KeyedFact churn(final SplittableRandom random) {
            final int roll = random.nextInt(100);
            Kind kind = roll < 40 ? Kind.HEARTBEAT : roll < 70 ? Kind.UPDATED : roll < 85 ? Kind.REMOVED : Kind.RETURNED;
            if (kind == Kind.RETURNED && vanished.isEmpty()) {
                kind = Kind.UPDATED;
            }
            if ((kind == Kind.UPDATED || kind == Kind.REMOVED) && present.isEmpty()) {
                kind = vanished.isEmpty() ? Kind.HEARTBEAT : Kind.RETURNED;
            }
            return switch (kind) {
                case HEARTBEAT -> fact(new AgentHeartbeat(present.size()), Kind.HEARTBEAT);
                case UPDATED -> discover(rebound(lastPublished.get(present.get(random.nextInt(present.size())))),
                        Kind.UPDATED);
                case REMOVED -> {
                    final String address = takeRandom(present, random);
                    vanished.add(address);
                    yield fact(new DeviceVanished(address), Kind.REMOVED);
                }
                case RETURNED -> discover(lastPublished.get(takeRandom(vanished, random)), Kind.RETURNED);
                case DISCOVERED -> throw new IllegalStateException("churn never discovers a new device");
            };
        }

        KeyedFact discover(final Device device, final Kind kind) {
            final String address = device.getAddress();
            if (!lastPublished.containsKey(address) || kind == Kind.RETURNED) {
                present.add(address);
            }
            originalDrivers.putIfAbsent(address, device.getDriver());
            lastPublished.put(address, device);
            return fact(new DeviceDiscovered(device), kind);
        }

        private KeyedFact fact(final Object payload, final Kind kind) {
            final int number = sent++;
            return new KeyedFact(host, new InventoryFact(host + "/" + number, host,
                    AGENT_CLOCK_START.plusSeconds(number), null, payload), kind);
        }

        /**
         * The device with its driver rebound: from its original driver to {@code vfio-pci} (or, for a device
         * bound to {@code vfio-pci} from the start, to none), and back.
         */
        private Device rebound(final Device device) {
            final String original = originalDrivers.get(device.getAddress());
            final String alternative = VFIO.equals(original) ? null : VFIO;
            final String next = Objects.equals(device.getDriver(), original) ? alternative : original;
            return Device.newBuilder(device).setDriver(next).build();
        }

        private static String takeRandom(final List<String> addresses, final SplittableRandom random) {
            final int index = random.nextInt(addresses.size());
            final String taken = addresses.get(index);
            addresses.set(index, addresses.get(addresses.size() - 1));
            addresses.remove(addresses.size() - 1);
            return taken;
        }
    }
}
