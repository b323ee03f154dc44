package io.pciledger.bench;

import io.pciledger.ledger.avro.LedgerEvents;
import io.pciledger.ledger.domain.ClaimedDevice;
import io.pciledger.ledger.domain.LedgerEvent;
import io.pciledger.ledger.domain.LedgerRecord;
import io.pciledger.schemas.topic.Topics;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a ledger's committed history for what must never happen, with code independent of the ledger's: a device
 * granted while a live claim holds it (DESIGN.md rule 1) and a claim id granted twice (rule 5). A claim holds its
 * devices from {@code DevicesClaimed} until {@code DevicesReleased} or {@code ClaimExpired}. Records must come in
 * each host's order, as they do from its partition.
 */
final class LedgerHistoryCheck {

    private final Map<String, Map<String, String>> holderByHost = new HashMap<>();
    private final Set<String> grantedClaims = new HashSet<>();
    private final List<String> violations = new ArrayList<>();
    private long records;

    /**
     * Reads every committed record of {@code topic} ({@code pci.ledger}, read_committed, from the beginning to the
     * end there is now) into a new check.
     */
    static LedgerHistoryCheck readCommitted(final Map<String, Object> clientProperties, final String topic) {
        final LedgerHistoryCheck check = new LedgerHistoryCheck();
        final var deserializer = Topics.LEDGER.valueSerde().deserializer();
        CommittedTopicReader.readAll(clientProperties, topic,
                record -> check.apply(LedgerEvents.toDomain(deserializer.deserialize(topic, record.value()))));
        return check;
    }

    void apply(final LedgerRecord record) {
        records++;
        final Map<String, String> holders = holderByHost.computeIfAbsent(record.host(), host -> new HashMap<>());
        final LedgerEvent event = record.event();
        if (event instanceof LedgerEvent.DevicesClaimed claimed) {
            if (!grantedClaims.add(claimed.claimId())) {
                violations.add("claim " + claimed.claimId() + " granted again (host " + record.host() + ", seq "
                        + record.seq() + ")");
            }
            for (final ClaimedDevice device : claimed.devices()) {
                final String holder = holders.putIfAbsent(device.address(), claimed.claimId());
                if (holder != null) {
                    violations.add("host " + record.host() + ": device " + device.address() + " granted to claim "
                            + claimed.claimId() + " (seq " + record.seq() + ") while claim " + holder + " held it");
                }
            }
        } else if (event instanceof LedgerEvent.DevicesReleased released) {
            released.addresses().forEach(address -> holders.remove(address, released.claimId()));
        } else if (event instanceof LedgerEvent.ClaimExpired expired) {
            expired.addresses().forEach(address -> holders.remove(address, expired.claimId()));
        }
    }

    /** Every violation found, one sentence each; empty when the history is sound. */
    List<String> violations() {
        return List.copyOf(violations);
    }

    /** The ids of every claim the history granted. */
    Set<String> grantedClaims() {
        return Set.copyOf(grantedClaims);
    }

    long records() {
        return records;
    }
}
