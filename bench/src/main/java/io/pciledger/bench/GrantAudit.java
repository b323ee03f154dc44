package io.pciledger.bench;

import io.pciledger.ledger.avro.LedgerEvents;
import io.pciledger.schemas.topic.Topics;
import java.time.Duration;
import io.pciledger.ledger.domain.ClaimedDevice;
import io.pciledger.ledger.domain.LedgerEvent;
import io.pciledger.ledger.domain.LedgerRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a ledger's history for what must never happen, independently of the ledger's own code: a device granted
 * while a live claim holds it (rule 1), a claim id granted twice (rule 5), a gap or repeat in a host's sequence
 * numbers. A claim holds its devices from {@code DevicesClaimed} until {@code DevicesReleased} or
 * {@code ClaimExpired}. Give it every record of every host, each host's in order.
 */
final class GrantAudit {

    private final Map<String, Map<String, String>> holders = new HashMap<>();
    private final Map<String, Long> lastSeq = new HashMap<>();
    private final Set<String> grantedClaims = new HashSet<>();
    private final List<String> violations = new ArrayList<>();
    private long records;

    /**
     * Audits every committed record of {@code topic} ({@code pci.ledger}, read_committed, from the beginning to the
     * end there is now).
     */
    static GrantAudit readCommitted(final Map<String, Object> clientProperties, final String topic) {
        final GrantAudit audit = new GrantAudit();
        CommittedRecords.forEach(clientProperties, topic, Topics.LEDGER.valueSerde().deserializer(),
                Duration.ofMinutes(5), event -> audit.apply(LedgerEvents.toDomain(event)));
        return audit;
    }

    void apply(final LedgerRecord record) {
        records++;
        final long expectedSeq = lastSeq.getOrDefault(record.host(), 0L) + 1;
        if (record.seq() != expectedSeq) {
            violations.add("host " + record.host() + ": sequence number " + record.seq() + " where " + expectedSeq
                    + " was due");
        }
        lastSeq.put(record.host(), record.seq());
        final Map<String, String> held = holders.computeIfAbsent(record.host(), host -> new HashMap<>());
        final LedgerEvent event = record.event();
        if (event instanceof LedgerEvent.DevicesClaimed claimed) {
            if (!grantedClaims.add(claimed.claimId())) {
                violations.add("claim " + claimed.claimId() + " granted again (host " + record.host() + ", seq "
                        + record.seq() + ")");
            }
            for (final ClaimedDevice device : claimed.devices()) {
                final String holder = held.putIfAbsent(device.address(), claimed.claimId());
                if (holder != null) {
                    violations.add("host " + record.host() + ": device " + device.address() + " granted to claim "
                            + claimed.claimId() + " (seq " + record.seq() + ") while claim " + holder + " held it");
                }
            }
        } else if (event instanceof LedgerEvent.DevicesReleased released) {
            released.addresses().forEach(address -> held.remove(address, released.claimId()));
        } else if (event instanceof LedgerEvent.ClaimExpired expired) {
            expired.addresses().forEach(address -> held.remove(address, expired.claimId()));
        }
    }

    /** Everything that went wrong, one sentence each; empty when the history is sound. */
    List<String> violations() {
        return List.copyOf(violations);
    }

    /** The ids of every claim the history granted. */
    Set<String> grantedClaims() {
        return Set.copyOf(grantedClaims);
    }

    /** How many records were checked. */
    long records() {
        return records;
    }
}
