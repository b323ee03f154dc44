package io.pciledger.ledger.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * Chooses the devices of a claim on one host, all items or none (rule 3), deterministically, so that replay
 * and tests see the same choice every time.
 *
 * <p>What each item may take: a device of the item's group that is free and not blocked by PF/VF exclusivity
 * (rule 2, counting what earlier items of the same claim took), of the type the item needs (a VF for
 * {@code direct}, {@code macvtap}, {@code virtio-forwarder}, {@code vdpa} and {@code remote-managed} ports, a PF
 * for {@code direct-physical}, any type for generic passthrough; nothing for {@code normal}), and admitted by
 * its NUMA wish ({@link NumaAffinity}).
 *
 * <p>Which of those it takes, one device at a time, best first:
 * <ol>
 *   <li>the NUMA fit: on the wished node, then with no NUMA information, then another node (as the policy
 *       admits them);</li>
 *   <li>the fewest devices made unavailable: a VF of a PF that is already partly used before a VF of a whole
 *       PF, so whole PFs stay free for {@code direct-physical}; for a PF, the one with the fewest free VFs;</li>
 *   <li>the lowest address.</li>
 * </ol>
 *
 * <p>In which order the items choose: the strictest NUMA wish first ({@code required}, {@code legacy},
 * {@code preferred}/{@code socket}, none), then PF-taking items, generic items, VF-taking items; then request
 * order. The choice is greedy: an item does not revisit what earlier items took. For the layouts of real hosts
 * (VFs under a few PFs, one or two NUMA nodes) the order above finds a fit whenever one exists; a contrived
 * request whose items compete for the same few devices in different ways could be refused although some other
 * assignment would fit.
 *
 * <p>Example: PF {@code :00.0} has VF {@code :02.0} claimed and VF {@code :02.1} free; PF {@code :01.0} has all
 * its VFs free. A {@code direct} port takes {@code :02.1}, leaving PF {@code :01.0} whole.
 */
public final class Allocator {

    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingInt(Candidate::numaRank)
            .thenComparingInt(Candidate::blockCost)
            .thenComparing(candidate -> candidate.device().address());

    private Allocator() {
    }

    /** The devices for {@code items} on the host of {@code ledger}, or the first item that cannot be met. */
    public static Allocation allocate(final HostLedger ledger, final List<RequestItem> items) {
        final PfVfExclusivity exclusivity = PfVfExclusivity.of(ledger);
        final List<ClaimedDevice> granted = new ArrayList<>();
        final Set<String> groupsTaken = new HashSet<>();
        for (final int index : choosingOrder(items)) {
            final RequestItem item = items.get(index);
            final NumaAffinity affinity = NumaAffinity.of(item);
            final List<Candidate> atStart = candidates(ledger, exclusivity, item, affinity);
            for (int unit = 0; unit < item.count(); unit++) {
                final List<Candidate> candidates = unit == 0 ? atStart
                        : candidates(ledger, exclusivity, item, affinity);
                final Optional<Candidate> best = candidates.stream().min(BEST_FIRST);
                if (best.isEmpty()) {
                    return new Allocation.Shortfall(shortfall(ledger.host(), items, index, atStart.size(),
                            groupsTaken.contains(item.group())));
                }
                exclusivity.take(best.get().device().address());
                granted.add(ClaimedDevice.of(best.get().device(), item, index));
            }
            groupsTaken.add(item.group());
        }
        granted.sort(Comparator.comparingInt(ClaimedDevice::itemIndex).thenComparing(ClaimedDevice::address));
        return new Allocation.Allocated(granted);
    }

    private static List<Integer> choosingOrder(final List<RequestItem> items) {
        return IntStream.range(0, items.size()).boxed()
                .filter(index -> items.get(index).takesDevices())
                .sorted(Comparator.<Integer>comparingInt(index -> NumaAffinity.of(items.get(index)).strictness())
                        .thenComparingInt(index -> typeOrder(items.get(index)))
                        .thenComparingInt(index -> index))
                .toList();
    }

    private static int typeOrder(final RequestItem item) {
        return item.requiredDevType().map(type -> type == DevType.TYPE_PF ? 0 : 2).orElse(1);
    }

    private static List<Candidate> candidates(final HostLedger ledger, final PfVfExclusivity exclusivity,
            final RequestItem item, final NumaAffinity affinity) {
        final List<Candidate> candidates = new ArrayList<>();
        for (final LedgerDevice entry : ledger.devices()) {
            final Device device = entry.device();
            if (!device.group().equals(item.group())
                    || item.requiredDevType().map(type -> type != device.devType()).orElse(false)
                    || !exclusivity.isAvailable(device.address())) {
                continue;
            }
            final OptionalInt numaRank = affinity.rank(device.numaNode());
            if (numaRank.isPresent()) {
                candidates.add(new Candidate(device, numaRank.getAsInt(), exclusivity.blockCost(device.address())));
            }
        }
        return candidates;
    }

    private static String shortfall(final String host, final List<RequestItem> items, final int index,
            final int free, final boolean sharedWithEarlierItems) {
        final RequestItem item = items.get(index);
        final String what = item.isPort()
                ? count(item.count(), item.vnicType().neutronName() + " port") + " (each on a "
                        + item.requiredDevType().map(DevType::novaName).orElse("device") + " of group " + item.group()
                        + ")"
                : count(item.count(), "device") + " of group " + item.group();
        return (items.size() > 1 ? "item " + index + ": " : "")
                + what + NumaAffinity.of(item).restriction() + " requested, " + free + " free on " + host
                + (sharedWithEarlierItems ? " after the claim's other items" : "");
    }

    private static String count(final int count, final String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private record Candidate(Device device, int numaRank, int blockCost) {
    }
}
