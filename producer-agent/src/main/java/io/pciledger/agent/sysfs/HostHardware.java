package io.pciledger.agent.sysfs;

import io.pciledger.agent.device.DevType;
import io.pciledger.agent.device.HostDevices;
import io.pciledger.agent.device.PciAddress;
import io.pciledger.agent.device.PciDevice;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The PCI hardware of one fake host: every function it has, with valid, unique addresses and
 * consistent SR-IOV links. {@link FakeSysfsTree} writes it as a sysfs tree; {@link #expectedDevices()}
 * is what a correct scan of that tree reports.
 *
 * <p>Described with a {@link Builder}, e.g. a two-socket host with one X710 per socket and a GPU:
 * <pre>
 * HostHardware.builder("compute-0001")
 *         .chipset(PciModel.INTEL_HOST_BRIDGE)
 *         .sriovNic(SriovNicCard.of(SriovNicModel.INTEL_X710).withVfsPerPort(16).onNumaNode(0))
 *         .sriovNic(SriovNicCard.of(SriovNicModel.INTEL_X710).withVfsPerPort(16).onNumaNode(1))
 *         .card(PciModel.NVIDIA_A100, 1)
 *         .build();
 * </pre>
 * or taken ready-made from a {@link HardwareProfile}.
 */
public final class HostHardware {

    private final String hostName;
    private final Map<PciAddress, FakeFunction> functions;

    /**
     * @throws IllegalArgumentException naming the function when two share an address or a VF and its
     *                                  PF do not name each other
     */
    HostHardware(final String hostName, final Collection<FakeFunction> functions) {
        this.hostName = Objects.requireNonNull(hostName, "hostName");
        final Map<PciAddress, FakeFunction> byAddress = new TreeMap<>();
        for (final FakeFunction function : functions) {
            if (byAddress.put(function.address(), function) != null) {
                throw new IllegalArgumentException("host " + hostName + ": two functions at " + function.address());
            }
        }
        byAddress.values().forEach(function -> checkSriovLinks(byAddress, function));
        this.functions = byAddress;
    }

    public static Builder builder(final String hostName) {
        return new Builder(hostName);
    }

    public String hostName() {
        return hostName;
    }

    /** Every function, in address order. */
    public List<FakeFunction> functions() {
        return List.copyOf(functions.values());
    }

    public Optional<FakeFunction> find(final PciAddress address) {
        return Optional.ofNullable(functions.get(address));
    }

    public int size() {
        return functions.size();
    }

    /** What a scan of this host's sysfs must find: every function and every network interface. */
    public HostDevices expectedDevices() {
        final List<PciDevice> devices = new ArrayList<>(functions.size());
        final Map<String, PciAddress> interfaces = new LinkedHashMap<>();
        for (final FakeFunction function : functions.values()) {
            devices.add(function.expectedDevice());
            function.interfaceNames().forEach(name -> interfaces.put(name, function.address()));
        }
        return new HostDevices(devices, interfaces);
    }

    /**
     * The same host with one more function, e.g. a GPU plugged in.
     *
     * @throws IllegalArgumentException when the address is taken or the function has SR-IOV links
     */
    public HostHardware with(final FakeFunction added) {
        if (added.devType() != DevType.TYPE_PCI) {
            throw new IllegalArgumentException("only plain functions can be added to a host, not the "
                    + added.devType().novaName() + " " + added.address() + ": describe SR-IOV cards with the builder");
        }
        final List<FakeFunction> all = new ArrayList<>(functions.values());
        all.add(added);
        return new HostHardware(hostName, all);
    }

    /**
     * The same host without a function, as after a hot-unplug: removing a PF removes its VFs too;
     * removing a VF removes it from its PF's VFs.
     *
     * @throws IllegalArgumentException when the host has no function at that address
     */
    public HostHardware without(final PciAddress removed) {
        final FakeFunction function = find(removed).orElseThrow(() -> new IllegalArgumentException(
                "host " + hostName + " has no function at " + removed));
        final Map<PciAddress, FakeFunction> remaining = new TreeMap<>(functions);
        remaining.remove(removed);
        function.vfs().forEach(remaining::remove);
        if (function.parent() != null) {
            final FakeFunction pf = remaining.get(function.parent());
            final List<PciAddress> vfs = new ArrayList<>(pf.vfs());
            vfs.remove(removed);
            remaining.put(pf.address(), pf.withVfs(vfs));
        }
        return new HostHardware(hostName, remaining.values());
    }

    @Override
    public boolean equals(final Object other) {
        return other instanceof HostHardware that && hostName.equals(that.hostName) && functions.equals(that.functions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(hostName, functions);
    }

    @Override
    public String toString() {
        return "HostHardware[" + hostName + ", " + functions.size() + " functions]";
    }

    private void checkSriovLinks(final Map<PciAddress, FakeFunction> byAddress, final FakeFunction function) {
        if (function.parent() != null) {
            final FakeFunction pf = byAddress.get(function.parent());
            if (pf == null || !pf.vfs().contains(function.address())) {
                throw new IllegalArgumentException("host " + hostName + ": VF " + function.address()
                        + " names PF " + function.parent() + ", which does not list it among its VFs");
            }
        }
        for (final PciAddress vf : function.vfs()) {
            final FakeFunction child = byAddress.get(vf);
            if (child == null || !function.address().equals(child.parent())) {
                throw new IllegalArgumentException("host " + hostName + ": PF " + function.address()
                        + " lists VF " + vf + ", which is missing or names another parent");
            }
        }
    }

    /**
     * Describes a host card by card; {@link #build()} lays out the addresses. Chipset devices sit on
     * the root bus of NUMA node 0, one slot each; each card gets its own bus behind its node's host
     * bridge, and an SR-IOV card's VFs follow its ports on that bus (and the next ones, when there
     * are more than fit), the way VF routing ids are numbered after their PF's.
     */
    public static final class Builder {

        /** On a NIC's bus, the ports take slot 0 and the VFs start at slot 1 (VF offset 8 routing ids). */
        private static final int FIRST_VF_ROUTING_ID = 8;
        private static final int ROUTING_IDS_PER_BUS = 256;

        private final String hostName;
        private final List<PciModel> chipset = new ArrayList<>();
        private final List<SriovNicCard> nics = new ArrayList<>();
        private final List<PlainCard> cards = new ArrayList<>();
        private boolean numaUnknown;

        private Builder(final String hostName) {
            if (hostName == null || hostName.isBlank()) {
                throw new IllegalArgumentException("a host needs a name, not '" + hostName + "'");
            }
            this.hostName = hostName;
        }

        /** An on-board device on the root bus of NUMA node 0, e.g. the SATA or USB controller. */
        public Builder chipset(final PciModel model) {
            chipset.add(Objects.requireNonNull(model, "model"));
            return this;
        }

        /** An SR-IOV network card: its ports and their VFs. */
        public Builder sriovNic(final SriovNicCard card) {
            nics.add(Objects.requireNonNull(card, "card"));
            return this;
        }

        /** A plain PCIe card, one function on its own bus, e.g. a GPU or an NVMe drive. */
        public Builder card(final PciModel model, final int numaNode) {
            cards.add(new PlainCard(Objects.requireNonNull(model, "model"), numaNode));
            return this;
        }

        /**
         * The platform does not report NUMA affinity: every {@code numa_node} reads {@code -1}. Cards
         * are still placed behind the host bridges their node numbers say.
         */
        public Builder numaUnknown() {
            numaUnknown = true;
            return this;
        }

        /**
         * @throws IllegalArgumentException when there are more chipset devices than slots on a bus (32)
         * @throws IllegalStateException    when a NUMA node's share of buses cannot hold its cards
         */
        public HostHardware build() {
            final int highestNode = maxNode();
            final BusNumbers buses = new BusNumbers(hostName, highestNode + 1);
            final List<FakeFunction> functions = new ArrayList<>();
            layOutChipset(buses, functions);
            for (int i = 0; i < nics.size(); i++) {
                layOutNic(nics.get(i), "ens" + (i + 1), buses, functions);
            }
            for (final PlainCard card : cards) {
                final int bus = buses.reserve(card.numaNode(), 1);
                functions.add(new FakeFunction(new PciAddress(0, bus, 0, 0), buses.rootBus(card.numaNode()),
                        card.model(), numa(card.numaNode()), List.of(), null, List.of(), 0));
            }
            return new HostHardware(hostName, functions);
        }

        private int maxNode() {
            int highest = 0;
            for (final SriovNicCard nic : nics) {
                highest = Math.max(highest, nic.numaNode());
            }
            for (final PlainCard card : cards) {
                highest = Math.max(highest, card.numaNode());
            }
            return highest;
        }

        private void layOutChipset(final BusNumbers buses, final List<FakeFunction> functions) {
            if (chipset.size() > PciAddress.MAX_SLOT + 1) {
                throw new IllegalArgumentException("host " + hostName + ": " + chipset.size()
                        + " chipset devices do not fit the 32 slots of the root bus");
            }
            for (int slot = 0; slot < chipset.size(); slot++) {
                functions.add(new FakeFunction(new PciAddress(0, buses.rootBus(0), slot, 0), buses.rootBus(0),
                        chipset.get(slot), numa(0), List.of(), null, List.of(), 0));
            }
        }

        private void layOutNic(final SriovNicCard nic, final String slotName, final BusNumbers buses,
                final List<FakeFunction> functions) {
            final int node = nic.numaNode();
            final int rootBus = buses.rootBus(node);
            final int vfCount = nic.ports() * nic.vfsPerPort();
            final int busCount = 1 + (FIRST_VF_ROUTING_ID + vfCount - 1) / ROUTING_IDS_PER_BUS;
            final int firstRoutingId = buses.reserve(node, busCount) * ROUTING_IDS_PER_BUS;
            final PciModel vfModel = nic.model().vf().boundTo(nic.vfDriver());
            int vfIndex = 0;
            for (int port = 0; port < nic.ports(); port++) {
                final PciAddress pf = addressOf(firstRoutingId + port);
                final String pfInterface = slotName + "f" + port;
                final List<PciAddress> vfs = new ArrayList<>(nic.vfsPerPort());
                for (int vf = 0; vf < nic.vfsPerPort(); vf++, vfIndex++) {
                    final PciAddress address = addressOf(firstRoutingId + FIRST_VF_ROUTING_ID + vfIndex);
                    final List<String> interfaces = nic.vfsHaveInterfaces() ? List.of(pfInterface + "v" + vf) : List.of();
                    functions.add(new FakeFunction(address, rootBus, vfModel, numa(node), interfaces, pf, List.of(), 0));
                    vfs.add(address);
                }
                functions.add(new FakeFunction(pf, rootBus, nic.model().pf(), numa(node), List.of(pfInterface), null,
                        vfs, nic.model().maxVfsPerPort()));
            }
        }

        private Integer numa(final int node) {
            return numaUnknown ? null : node;
        }

        /** A routing id is bus, slot and function in 16 bits: {@code bbbbbbbb sssss fff}. */
        private static PciAddress addressOf(final int routingId) {
            return new PciAddress(0, routingId >> 8, (routingId >> 3) & PciAddress.MAX_SLOT,
                    routingId & PciAddress.MAX_FUNCTION);
        }

        private record PlainCard(PciModel model, int numaNode) {
            PlainCard {
                if (numaNode < 0 || numaNode > SriovNicCard.MAX_NUMA_NODE) {
                    throw new IllegalArgumentException(
                            "NUMA node " + numaNode + " of " + model.name() + " is outside 0.." + SriovNicCard.MAX_NUMA_NODE);
                }
            }
        }
    }
}
