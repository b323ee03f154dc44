package io.pciledger.agent.spec;

import io.pciledger.agent.device.PciAddress;
import io.pciledger.agent.device.PciDevice;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the device spec made of one host: every matched device with its group and tags, the devices
 * no entry matched, and how many assignable devices each PCI group has there (Nova's per-host
 * "group: count" pool stats, before any claim).
 */
public final class GroupAssignment {

    private final Map<PciAddress, MatchedDevice> matched;
    private final List<PciDevice> unmatched;

    GroupAssignment(final List<MatchedDevice> matched, final List<PciDevice> unmatched) {
        final Map<PciAddress, MatchedDevice> byAddress = new LinkedHashMap<>();
        matched.forEach(match -> byAddress.put(match.device().address(), match));
        this.matched = Collections.unmodifiableMap(byAddress);
        this.unmatched = List.copyOf(unmatched);
    }

    /** The matched devices, in address order. */
    public List<MatchedDevice> matched() {
        return List.copyOf(matched.values());
    }

    /** The devices no entry matched, in address order: they are not assignable. */
    public List<PciDevice> unmatched() {
        return unmatched;
    }

    /** How the device at {@code address} was matched; empty when it was not (or is not on the host). */
    public Optional<MatchedDevice> matchOf(final PciAddress address) {
        return Optional.ofNullable(matched.get(address));
    }

    /** The number of matched devices in each group, by group name in alphabetical order. */
    public Map<String, Integer> assignableCounts() {
        final Map<String, Integer> counts = new TreeMap<>();
        matched.values().forEach(match -> counts.merge(match.group(), 1, Integer::sum));
        return Collections.unmodifiableMap(counts);
    }
}
