package io.pciledger.ledger.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random interleavings of what happens to one host: its agent discovering, losing and re-listing devices of a
 * small SR-IOV and GPU layout (groups and NUMA nodes vary, the PF/VF tree does not, as on real hardware), and
 * clients claiming, confirming and releasing, while time passes.
 */
final class RandomHistory {

    static final Duration STALE_AFTER = Duration.ofMinutes(5);

    /** The functions the host can have: two PFs with VFs, three plain devices. */
    private static final List<Function> HARDWARE = List.of(
            new Function("0000:3b:00.0", DevType.TYPE_PF, null, "net-pf", "net"),
            new Function("0000:3b:02.0", DevType.TYPE_VF, "0000:3b:00.0", "net", "net2"),
            new Function("0000:3b:02.1", DevType.TYPE_VF, "0000:3b:00.0", "net", "net2"),
            new Function("0000:3b:02.2", DevType.TYPE_VF, "0000:3b:00.0", "net", "net2"),
            new Function("0000:3b:00.1", DevType.TYPE_PF, null, "net-pf", "net"),
            new Function("0000:3b:0a.0", DevType.TYPE_VF, "0000:3b:00.1", "net", "net2"),
            new Function("0000:3b:0a.1", DevType.TYPE_VF, "0000:3b:00.1", "net", "net2"),
            new Function("0000:af:00.0", DevType.TYPE_PCI, null, "gpu", "nvme"),
            new Function("0000:b0:00.0", DevType.TYPE_PCI, null, "gpu", "nvme"),
            new Function("0000:d8:00.0", DevType.TYPE_PCI, null, "gpu", "nvme"));

    /** What clients ask for; a claim id used again with the same template is a retry, with another a conflict. */
    private static final List<List<RequestItem>> TEMPLATES = List.of(
            List.of(RequestItem.devices("gpu", 1)),
            List.of(RequestItem.devices("gpu", 2)),
            List.of(RequestItem.port(VnicType.DIRECT, "net")),
            List.of(RequestItem.port(VnicType.MACVTAP, "net"), RequestItem.port(VnicType.VIRTIO_FORWARDER, "net2")),
            List.of(RequestItem.port(VnicType.DIRECT_PHYSICAL, "net-pf")),
            List.of(RequestItem.port(VnicType.DIRECT, "net"), RequestItem.port(VnicType.MACVTAP, "net")),
            List.of(RequestItem.devices("net", 2).onNumaNode(0, NumaPolicy.REQUIRED)),
            List.of(RequestItem.port(VnicType.DIRECT, "net").onNumaNode(1, NumaPolicy.PREFERRED),
                    RequestItem.normalPort(), RequestItem.devices("nvme", 1).onNumaNode(0, NumaPolicy.LEGACY)),
            List.of(RequestItem.devices("net", 3)),
            List.of(RequestItem.port(VnicType.DIRECT_PHYSICAL, "net"), RequestItem.port(VnicType.DIRECT, "net2")));

    private static final int CLAIM_IDS = 12;

    private RandomHistory() {
    }

    /** One thing that happens to the host. */
    sealed interface Step {

        /** Plays the step on {@code host}: the records it appended and, for a command, the answer. */
        Played playOn(TestHost host);
    }

    record Played(Step step, List<LedgerRecord> records, CommandOutcome outcome) {
    }

    record Report(InventoryFact fact) implements Step {
        @Override
        public Played playOn(final TestHost host) {
            return new Played(this, host.report(fact), null);
        }
    }

    record ClaimStep(String claimId, int template) implements Step {
        ClaimRequest request() {
            final ClaimRequest request = Requests.claim(claimId, TEMPLATES.get(template).toArray(RequestItem[]::new));
            return template % 2 == 0 ? request.withTtl(Duration.ofMinutes(3)) : request;
        }

        @Override
        public Played playOn(final TestHost host) {
            final Answer answer = host.claim(request());
            return new Played(this, answer.records(), answer.outcome());
        }
    }

    record Confirm(String claimId) implements Step {
        @Override
        public Played playOn(final TestHost host) {
            final Answer answer = host.confirm(claimId);
            return new Played(this, answer.records(), answer.outcome());
        }
    }

    record Release(String claimId) implements Step {
        @Override
        public Played playOn(final TestHost host) {
            final Answer answer = host.release(claimId);
            return new Played(this, answer.records(), answer.outcome());
        }
    }

    /** Releases (or, if {@code confirm}, confirms) the {@code pick}-th claim that still holds devices, if any. */
    record ActOnHeldClaim(int pick, boolean confirm) implements Step {
        @Override
        public Played playOn(final TestHost host) {
            final List<String> held = host.ledger().liveClaims().stream()
                    .filter(claim -> claim.status().holdsDevices())
                    .map(Claim::claimId)
                    .toList();
            if (held.isEmpty()) {
                return new Played(this, List.of(), null);
            }
            final String claimId = held.get(pick % held.size());
            return (confirm ? new Confirm(claimId) : new Release(claimId)).playOn(host);
        }
    }

    record Advance(int minutes) implements Step {
        @Override
        public Played playOn(final TestHost host) {
            host.advance(Duration.ofMinutes(minutes));
            return new Played(this, List.of(), null);
        }
    }

    record Expire() implements Step {
        @Override
        public Played playOn(final TestHost host) {
            return new Played(this, host.expire(), null);
        }
    }

    record CheckLiveness() implements Step {
        @Override
        public Played playOn(final TestHost host) {
            return new Played(this, host.checkLiveness(STALE_AFTER), null);
        }
    }

    /** Listens to a history as it is played. */
    interface Observer {
        void after(Played played, TestHost host);
    }

    /** Plays {@code steps} on a new host, telling {@code observer} after each; returns the host. */
    static TestHost play(final List<Step> steps, final Observer observer) {
        final TestHost host = new TestHost();
        for (final Step step : steps) {
            observer.after(step.playOn(host), host);
        }
        return host;
    }

    /** A first snapshot of every function (in random groups and NUMA nodes), then random steps. */
    static Arbitrary<List<Step>> histories() {
        final Arbitrary<Step> firstSnapshot = Combinators.combine(
                        Arbitraries.integers().between(0, 1).list().ofSize(HARDWARE.size()),
                        Arbitraries.integers().between(-1, 1).list().ofSize(HARDWARE.size()))
                .as((groups, numaNodes) -> {
                    final List<Device> devices = new ArrayList<>();
                    for (int index = 0; index < HARDWARE.size(); index++) {
                        final int numa = numaNodes.get(index);
                        devices.add(HARDWARE.get(index).device(groups.get(index), numa < 0 ? null : numa));
                    }
                    return new Report(new InventoryFact.HostSnapshot(devices));
                });
        return Combinators.combine(firstSnapshot, steps().list().ofMaxSize(60)).as((first, rest) -> {
            final List<Step> history = new ArrayList<>(List.of(first));
            history.addAll(rest);
            return history;
        });
    }

    @SuppressWarnings("unchecked")
    private static Arbitrary<Step> steps() {
        final Arbitrary<String> claimIds = Arbitraries.integers().between(0, CLAIM_IDS - 1).map(index -> "c" + index);
        return Arbitraries.frequencyOf(
                Tuple.of(3, devices().map(device -> new Report(new InventoryFact.DeviceDiscovered(device)))),
                Tuple.of(2, Arbitraries.of(HARDWARE).map(function -> new Report(
                        new InventoryFact.DeviceVanished(function.address())))),
                Tuple.of(1, devices().list().ofMaxSize(HARDWARE.size() + 2).map(devices -> new Report(
                        new InventoryFact.HostSnapshot(devices)))),
                Tuple.of(1, Arbitraries.just(new Report(new InventoryFact.AgentHeartbeat(0)))),
                Tuple.of(8, Combinators.combine(claimIds, Arbitraries.integers().between(0, TEMPLATES.size() - 1))
                        .as(ClaimStep::new)),
                Tuple.of(1, claimIds.map(Confirm::new)),
                Tuple.of(1, claimIds.map(Release::new)),
                Tuple.of(4, Combinators.combine(Arbitraries.integers().between(0, CLAIM_IDS), Arbitraries.of(true, false))
                        .as(ActOnHeldClaim::new)),
                Tuple.of(3, Arbitraries.integers().between(1, 8).map(Advance::new)),
                Tuple.of(2, Arbitraries.just(new Expire())),
                Tuple.of(2, Arbitraries.just(new CheckLiveness())));
    }

    private static Arbitrary<Device> devices() {
        return Combinators.combine(
                        Arbitraries.of(HARDWARE),
                        Arbitraries.integers().between(0, 1),
                        Arbitraries.integers().between(-1, 1))
                .as((function, group, numa) -> function.device(group, numa < 0 ? null : numa));
    }

    /** One PCI function of the host's hardware, and the two groups a device spec may put it in. */
    private record Function(String address, DevType type, String parent, String group, String otherGroup) {
        Device device(final int groupChoice, final Integer numaNode) {
            final String chosen = groupChoice == 0 ? group : otherGroup;
            return switch (type) {
                case TYPE_PF -> Devices.pf(address, chosen, numaNode);
                case TYPE_VF -> Devices.vf(address, parent, chosen, numaNode);
                default -> Devices.pci(address, chosen, numaNode);
            };
        }
    }

    /** Every claim id a history may use, for checks over all of them. */
    static List<String> claimIds() {
        final List<String> ids = new ArrayList<>();
        for (int index = 0; index < CLAIM_IDS; index++) {
            ids.add("c" + index);
        }
        return ids;
    }
}
