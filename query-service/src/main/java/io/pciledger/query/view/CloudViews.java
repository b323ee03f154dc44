package io.pciledger.query.view;

import io.pciledger.ledger.avro.GroupCountRecords;
import io.pciledger.ledger.avro.GroupRegistrations;
import io.pciledger.ledger.avro.HostPoolRecords;
import io.pciledger.ledger.domain.GroupCount;
import io.pciledger.ledger.domain.GroupRegistration;
import io.pciledger.ledger.domain.HostPools;
import io.pciledger.query.candidates.FleetPools;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.Topics;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * The cloud-wide tables every instance holds in memory, from the committed records of their compacted topics:
 * group counts ({@code pci.group-counts}), host pools ({@code pci.host-pools}, the candidates' source) and group
 * registrations ({@code pci.groups}). They answer the hottest reads (a group's counts, candidates) without a
 * store lookup or a hop to another instance. The host pools are also indexed by group as they arrive
 * ({@link FleetPools}), so candidates are found without scanning the fleet.
 */
public final class CloudViews implements AutoCloseable {

    private final CommittedTable<GroupCount> groupCounts;
    private final CommittedTable<HostPools> hostPools;
    private final FleetPools fleetPools = new FleetPools();
    private final CommittedTable<io.pciledger.schemas.group.GroupRegistration> groups;

    public CloudViews(final TopicNames names, final Map<String, Object> clientProperties) {
        final String groupCountsTopic = names.of(Topics.GROUP_COUNTS);
        final String hostPoolsTopic = names.of(Topics.HOST_POOLS);
        final String groupsTopic = names.of(Topics.GROUPS);
        final Deserializer<io.pciledger.schemas.derived.GroupCounts> groupCountsReader =
                Topics.GROUP_COUNTS.valueSerde().deserializer();
        final Deserializer<io.pciledger.schemas.derived.HostPools> hostPoolsReader =
                Topics.HOST_POOLS.valueSerde().deserializer();
        final Deserializer<io.pciledger.schemas.group.GroupRegistration> groupsReader =
                Topics.GROUPS.valueSerde().deserializer();
        this.groupCounts = new CommittedTable<>(groupCountsTopic, clientProperties,
                (group, bytes) -> GroupCountRecords.toDomain(groupCountsReader.deserialize(groupCountsTopic, bytes)));
        this.hostPools = new CommittedTable<>(hostPoolsTopic, clientProperties,
                (host, bytes) -> HostPoolRecords.toDomain(hostPoolsReader.deserialize(hostPoolsTopic, bytes)),
                (host, pools) -> {
                    if (pools == null) {
                        fleetPools.remove(host);
                    } else {
                        fleetPools.put(pools);
                    }
                });
        this.groups = new CommittedTable<>(groupsTopic, clientProperties, (group, bytes) -> {
            final io.pciledger.schemas.group.GroupRegistration registration =
                    groupsReader.deserialize(groupsTopic, bytes);
            return registration.getDeleted() ? null : registration;
        });
    }

    public CloudViews start() {
        groupCounts.start();
        hostPools.start();
        groups.start();
        return this;
    }

    /** Waits until each table holds everything committed when it started; false on timeout. */
    public boolean awaitCaughtUp(final Duration timeout) throws InterruptedException {
        final long deadline = System.nanoTime() + timeout.toNanos();
        for (final CommittedTable<?> table : new CommittedTable<?>[] {groupCounts, hostPools, groups}) {
            if (!table.awaitCaughtUp(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                return false;
            }
        }
        return true;
    }

    public boolean isCaughtUp() {
        return groupCounts.isCaughtUp() && hostPools.isCaughtUp() && groups.isCaughtUp();
    }

    public Map<String, GroupCount> groupCounts() {
        return groupCounts.all();
    }

    public Map<String, HostPools> hostPools() {
        return hostPools.all();
    }

    /** The same host pools, indexed by group for finding candidates. */
    public FleetPools fleetPools() {
        return fleetPools;
    }

    /** Completes once the host pools hold what a read-committed reader of {@code pci.host-pools} saw at the call. */
    public CompletableFuture<Void> hostPoolsReadToNow() {
        return hostPools.readToNow();
    }

    /** Every group with a registration, as written (with description and who changed it when). */
    public Map<String, io.pciledger.schemas.group.GroupRegistration> registrations() {
        return groups.all();
    }

    /** The claim-rule part of {@code group}'s registration; empty when the group is not registered. */
    public Optional<GroupRegistration> registration(final String group) {
        return groups.get(group).flatMap(GroupRegistrations::toDomain);
    }

    @Override
    public void close() {
        groupCounts.close();
        hostPools.close();
        groups.close();
    }
}
