package io.pciledger.bench;

import io.pciledger.ledger.avro.InventoryFacts;
import io.pciledger.ledger.domain.Cause;
import io.pciledger.ledger.domain.GroupCount;
import io.pciledger.ledger.domain.HostGroupCounts;
import io.pciledger.ledger.domain.HostLedgerSession;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * What the ledger must show once it has folded a stream of facts: how many ledger events the facts cause and the
 * cloud-wide count of every group. Computed by the ledger's own plain-Java domain ({@link HostLedgerSession}), each
 * host's facts in the order they are produced, which is the order the host's stream task reads them in.
 *
 * @param ledgerEvents how many events the facts append to the hosts' ledgers
 * @param groupCounts  the cloud-wide count of every group that has devices
 */
record ExpectedFold(long ledgerEvents, SortedMap<String, GroupCount> groupCounts) {

    static ExpectedFold of(final List<InventoryMix.KeyedFact> facts) {
        final Map<String, HostLedgerSession> hosts = new LinkedHashMap<>();
        final Instant now = Instant.now();
        long events = 0;
        for (final InventoryMix.KeyedFact keyed : facts) {
            final HostLedgerSession session = hosts.computeIfAbsent(keyed.host(), HostLedgerSession::newHost);
            events += session.report(InventoryFacts.toDomain(keyed.fact()),
                    new Cause(keyed.fact().getFactId(), keyed.host(), now)).size();
        }
        return new ExpectedFold(events, HostGroupCounts.sum(hosts.values().stream()
                .map(session -> HostGroupCounts.of(session.ledger())).toList()));
    }
}
