package io.pciledger.bench;

import io.pciledger.ledger.topology.LedgerTopology;
import io.pciledger.schemas.kafka.TopicContents;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * How large each host's stored header ({@code host-ledgers}, one JSON document per host: live claims, groups,
 * sequence) is at the end of a run, from the store's changelog: the ledger rewrites it for every decision on the
 * host (its devices are rows of their own), so its size is part of what each claim and release costs.
 */
final class HostStateSizes {

    private HostStateSizes() {
    }

    /** "median / max bytes over N hosts" of the latest state of every host of application {@code applicationId}. */
    static String describe(final Map<String, Object> clientProperties, final String applicationId) {
        final Map<String, Integer> latest = new HashMap<>();
        TopicContents.forEachCommitted(clientProperties,
                applicationId + "-" + LedgerTopology.HOST_LEDGERS_STORE + "-changelog",
                new ByteArrayDeserializer(), Duration.ofMinutes(5),
                record -> latest.put(record.key(), record.value() == null ? 0 : record.value().length));
        if (latest.isEmpty()) {
            return "no host state";
        }
        final List<Integer> sizes = new ArrayList<>(latest.values());
        Collections.sort(sizes);
        return sizes.get(sizes.size() / 2) + " / " + sizes.get(sizes.size() - 1) + " bytes over " + sizes.size()
                + " hosts";
    }
}
