package io.pciledger.ledger.audit;

import io.pciledger.ledger.avro.GroupCountRecords;
import io.pciledger.ledger.avro.HostPoolRecords;
import io.pciledger.ledger.avro.LedgerEvents;
import io.pciledger.ledger.domain.GroupCount;
import io.pciledger.ledger.domain.HostGroupCounts;
import io.pciledger.ledger.domain.HostLedger;
import io.pciledger.ledger.domain.HostPools;
import io.pciledger.schemas.kafka.TopicContents;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one ledger has committed, read for an audit ({@code read_committed}, from the beginning of every partition to
 * its end when the read starts, see {@link TopicContents}): {@code pci.ledger} into a {@link LedgerAudit}, and the
 * last committed host pools and group counts, which must be those of the replayed ledger (rule 7).
 */
public final class CommittedLedger {

    private CommittedLedger() {
    }

    /**
     * Audits every committed record of the ledger topic of {@code names}.
     *
     * @param clientProperties how to reach the cluster (brokers, security)
     * @throws IllegalStateException when the topic could not be read to its end within {@code timeout}
     */
    public static LedgerAudit audit(final Map<String, Object> clientProperties, final TopicNames names,
            final Duration timeout) {
        final LedgerAudit audit = new LedgerAudit();
        TopicContents.forEachCommitted(clientProperties, names.of(Topics.LEDGER),
                Topics.LEDGER.valueSerde().deserializer(), timeout,
                record -> audit.apply(LedgerEvents.toDomain(record.value())));
        return audit;
    }

    /**
     * Where the last committed pools of each host ({@code pci.host-pools}) and counts of each group
     * ({@code pci.group-counts}) differ from those of {@code replayed}, one sentence each; empty when they agree.
     * The derived topics are written in the transaction of the ledger events they follow from, so once the ledger
     * is read to its end they agree.
     *
     * @param replayed every host's ledger, as {@link LedgerAudit#replay()} folds it
     */
    public static List<String> derivedTopicProblems(final Map<String, Object> clientProperties,
            final TopicNames names, final Map<String, HostLedger> replayed, final Duration timeout) {
        final Map<String, HostPools> published = new TreeMap<>();
        TopicContents.forEachCommitted(clientProperties, names.of(Topics.HOST_POOLS),
                Topics.HOST_POOLS.valueSerde().deserializer(), timeout,
                record -> published.put(record.key(), HostPoolRecords.toDomain(record.value())));
        final List<String> problems = new ArrayList<>();
        final TreeSet<String> hosts = new TreeSet<>(published.keySet());
        hosts.addAll(replayed.keySet());
        for (final String host : hosts) {
            final HostPools replayedPools = replayed.containsKey(host) ? HostPools.of(replayed.get(host)) : null;
            if (!Objects.equals(published.get(host), replayedPools)) {
                problems.add("host " + host + ": published pools " + published.get(host) + ", the replay gives "
                        + replayedPools);
            }
        }

        final SortedMap<String, GroupCount> counts = new TreeMap<>();
        TopicContents.forEachCommitted(clientProperties, names.of(Topics.GROUP_COUNTS),
                Topics.GROUP_COUNTS.valueSerde().deserializer(), timeout,
                record -> counts.put(record.key(), GroupCountRecords.toDomain(record.value())));
        counts.values().removeIf(GroupCount::isZero);
        final SortedMap<String, GroupCount> replayedCounts = HostGroupCounts.sum(
                replayed.values().stream().map(HostGroupCounts::of).toList());
        replayedCounts.values().removeIf(GroupCount::isZero);
        final TreeSet<String> groups = new TreeSet<>(counts.keySet());
        groups.addAll(replayedCounts.keySet());
        for (final String group : groups) {
            if (!Objects.equals(counts.get(group), replayedCounts.get(group))) {
                problems.add("group " + group + ": published count " + counts.get(group) + ", the replay gives "
                        + replayedCounts.get(group));
            }
        }
        return problems;
    }
}
