package io.pciledger.cli.audit;

import io.pciledger.ledger.domain.Claim;
import io.pciledger.ledger.domain.ClaimedDevice;
import io.pciledger.ledger.domain.Device;
import io.pciledger.ledger.domain.GroupCount;
import io.pciledger.ledger.domain.HostLedger;
import io.pciledger.ledger.domain.HostPools;
import io.pciledger.ledger.domain.LedgerDevice;
import io.pciledger.ledger.domain.Pool;
import io.pciledger.ledger.replay.FleetState;
import io.pciledger.ledger.replay.ReplayProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fleet as {@code pci-ledger replay --until} prints it, and as {@code pci-ledger verify} holds it against the
 * live API: each part has the members, names and spelling of the API's answer for it ({@code docs/api.md}), so a
 * replayed device and a device the API serves are the same record when the ledger is sound.
 *
 * @param until          the instant the fleet is shown as of
 * @param eventsApplied  how many ledger events the replay applied
 * @param hosts          every host that had an event by then, by name
 * @param groups         the cloud-wide count of every group with devices, by name ({@code GET /v1/groups})
 * @param problems       records that could not be replayed, each ending its host's replay; empty when sound
 */
public record FleetSnapshot(Instant until, long eventsApplied, List<HostEntry> hosts, List<GroupEntry> groups,
        List<ReplayProblem> problems) {

    /** The fleet of {@code state}, replayed up to {@code until}. */
    public static FleetSnapshot of(final FleetState state, final Instant until) {
        final List<HostEntry> hosts = new ArrayList<>();
        final Map<String, HostPools> pools = state.pools();
        state.ledgers().forEach((host, ledger) -> hosts.add(HostEntry.of(ledger, pools.get(host))));
        final List<GroupEntry> groups = new ArrayList<>();
        state.groupCounts().forEach((group, count) -> groups.add(GroupEntry.of(group, count)));
        return new FleetSnapshot(until, state.eventsApplied(), hosts, groups, state.problems());
    }

    /**
     * One host: its position, stale flag and pools ({@code GET /v1/hosts/{host}}), its devices
     * ({@code .../devices}) and its live claims ({@code .../claims/{claim_id}}).
     */
    public record HostEntry(String host, long ledgerSeq, boolean stale, Instant staleSince, List<DeviceEntry> devices,
            List<PoolEntry> pools, List<ClaimEntry> claims) {

        static HostEntry of(final HostLedger ledger, final HostPools pools) {
            return new HostEntry(ledger.host(), ledger.nextSeq() - 1, ledger.isStale(),
                    ledger.staleSince().orElse(null), ledger.devices().stream().map(DeviceEntry::of).toList(),
                    pools.pools().stream().map(PoolEntry::of).toList(),
                    ledger.liveClaims().stream().map(ClaimEntry::of).toList());
        }
    }

    /** A device with its status ({@code free}, {@code claimed}, {@code lost}) and the claim holding it. */
    public record DeviceEntry(String address, String vendorId, String productId, String classCode, String devType,
            String parentAddr, Integer numaNode, String ifname, String driver, String group,
            Map<String, String> tags, String status, String claimId) {

        static DeviceEntry of(final LedgerDevice entry) {
            final Device device = entry.device();
            return new DeviceEntry(device.address(), device.vendorId(), device.productId(), device.classCode(),
                    device.devType().novaName(), device.parentAddr(), device.numaNode(), device.ifname(),
                    device.driver(), device.group(), device.tags(), lowerCase(entry.status()), entry.holder());
        }
    }

    /** The devices of one group, device type and NUMA node, and how many of them are free. */
    public record PoolEntry(String group, String devType, Integer numaNode, int total, int free) {

        static PoolEntry of(final Pool pool) {
            return new PoolEntry(pool.group(), pool.devType().novaName(), pool.numaNode(), pool.total(), pool.free());
        }
    }

    /** A live claim: {@code live} (not yet confirmed) or {@code confirmed}, with what it was granted. */
    public record ClaimEntry(String claimId, String status, String tenant, String instance,
            List<ClaimedDeviceEntry> devices, boolean liveMigratable, Instant expiresAt, List<String> lostAddresses) {

        static ClaimEntry of(final Claim claim) {
            return new ClaimEntry(claim.claimId(), lowerCase(claim.status()), claim.tenant(), claim.instance(),
                    claim.devices().stream().map(ClaimedDeviceEntry::of).toList(), claim.liveMigratable(),
                    claim.expiresAt(), List.copyOf(claim.lostAddresses()));
        }
    }

    /** One device granted to a claim, and the index of the request item it satisfies. */
    public record ClaimedDeviceEntry(String address, String group, String devType, String vnicType, Integer numaNode,
            String parentAddr, int item) {

        static ClaimedDeviceEntry of(final ClaimedDevice device) {
            return new ClaimedDeviceEntry(device.address(), device.group(), device.devType().novaName(),
                    device.vnicType() == null ? null : device.vnicType().neutronName(), device.numaNode(),
                    device.parentAddr(), device.itemIndex());
        }
    }

    /** A group's devices over the whole fleet; {@code total} is the sum of the other four. */
    public record GroupEntry(String group, int total, int available, int claimed, int unavailable, int lost) {

        static GroupEntry of(final String group, final GroupCount count) {
            return new GroupEntry(group, count.total(), count.available(), count.claimed(), count.unavailable(),
                    count.lost());
        }
    }

    private static String lowerCase(final Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
