package io.pciledger.cli.audit;

import io.pciledger.cli.audit.FleetSnapshot.ClaimEntry;
import io.pciledger.cli.audit.FleetSnapshot.GroupEntry;
import io.pciledger.cli.audit.LiveApi.DeviceListing;
import io.pciledger.cli.audit.LiveApi.HostListing;
import io.pciledger.cli.audit.LiveApi.HostStatus;
import java.util.List;
import java.util.Map;

/**
 * What the API served while {@code pci-ledger verify} read it: each host's status and devices (each at the ledger
 * position the answer names), the claims asked for, the host list and the group counts.
 *
 * @param listed  the host list, {@code GET /v1/hosts}
 * @param hosts   per host asked for: its status; a host the API does not know is absent
 * @param devices per host asked for: its devices
 * @param claims  per host: the claims asked for that the host has decided, by claim id
 * @param groups  the group counts, {@code GET /v1/groups}
 */
public record LiveFleet(List<HostListing> listed, Map<String, HostStatus> hosts, Map<String, DeviceListing> devices,
        Map<String, Map<String, ClaimEntry>> claims, List<GroupEntry> groups) {

    public LiveFleet {
        listed = List.copyOf(listed);
        hosts = Map.copyOf(hosts);
        devices = Map.copyOf(devices);
        claims = Map.copyOf(claims);
        groups = List.copyOf(groups);
    }
}
