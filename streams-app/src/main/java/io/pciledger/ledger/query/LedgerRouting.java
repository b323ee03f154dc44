package io.pciledger.ledger.query;

import io.pciledger.ledger.topology.LedgerTopology;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Which ledger instance holds a host, a claim or a group: Kafka Streams' metadata of the group, as every instance
 * announced its {@code application.server} (ledger setting {@code streams.application.server}, which must be set
 * for routing). The query service asks here, then reads locally ({@link LocalLedgerReads}) or forwards the request.
 *
 * <ul>
 *   <li>A host's stores ({@code host-ledgers}, {@code host-events}, {@code device-history}) live in the task of its
 *       partition of {@code pci.inventory}/{@code pci.commands}: {@link #hostOwners}.</li>
 *   <li>{@code claim-results} is partitioned like {@code pci.claim-results}, by claim id: {@link #claimOwners}.</li>
 *   <li>{@code group-counts} is partitioned by group: {@link #groupCountOwners}.</li>
 * </ul>
 *
 * <p>Each throws {@link StoreUnavailableException} while no instance is known to hold the key (starting,
 * rebalancing) and {@link IllegalArgumentException} for a missing key.
 */
public final class LedgerRouting {

    private final KafkaStreams streams;

    public LedgerRouting(final KafkaStreams streams) {
        this.streams = streams;
    }

    /** The instances holding {@code host}'s ledger, events and device histories. */
    public KeyOwners hostOwners(final String host) {
        LocalLedgerReads.requireText(host, "host");
        return owners(LedgerTopology.HOST_LEDGERS_STORE, host);
    }

    /** The instances holding the standing answer for {@code claimId}. */
    public KeyOwners claimOwners(final String claimId) {
        LocalLedgerReads.requireText(claimId, "claim id");
        return owners(LedgerTopology.CLAIM_RESULTS_STORE, claimId);
    }

    /** The instances holding the count of {@code group}. */
    public KeyOwners groupCountOwners(final String group) {
        LocalLedgerReads.requireText(group, "group");
        return owners(LedgerTopology.GROUP_COUNTS_STORE, group);
    }

    private KeyOwners owners(final String store, final String key) {
        final KeyQueryMetadata metadata;
        try {
            metadata = streams.queryMetadataForKey(store, key, new StringSerializer());
        } catch (final InvalidStateStoreException | IllegalStateException notRunning) {
            // Not started yet: StreamsNotStartedException; no longer running: IllegalStateException.
            throw new StoreUnavailableException("cannot route " + key + " of store " + store + ": "
                    + notRunning.getMessage(), notRunning);
        }
        if (metadata == null) {
            throw new IllegalStateException("the Kafka Streams application routed is not the ledger's topology: it has"
                    + " no store " + store);
        }
        if (metadata.equals(KeyQueryMetadata.NOT_AVAILABLE) || unavailable(metadata.activeHost())) {
            throw new StoreUnavailableException("no ledger instance is known to hold " + key + " of store " + store
                    + " yet (starting or rebalancing, or streams.application.server is not set), retry shortly");
        }
        final Set<InstanceEndpoint> standbys = metadata.standbyHosts().stream()
                .filter(standby -> !unavailable(standby))
                .map(LedgerRouting::endpoint)
                .collect(Collectors.toUnmodifiableSet());
        return new KeyOwners(endpoint(metadata.activeHost()), standbys, metadata.partition());
    }

    private static boolean unavailable(final HostInfo host) {
        return host == null || host.equals(HostInfo.unavailable());
    }

    private static InstanceEndpoint endpoint(final HostInfo host) {
        return new InstanceEndpoint(host.host(), host.port());
    }
}
