package io.pciledger.query;

import io.pciledger.ledger.query.LedgerRouting;
import io.pciledger.ledger.query.LocalLedgerReads;
import io.pciledger.ledger.query.StoreUnavailableException;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The ledger's Kafka Streams client this service embeds, once it exists: the HTTP server starts first (its port is
 * the ledger's {@code application.server}), so until the ledger is created every read is "not available now".
 */
public final class EmbeddedLedger {

    private volatile Reads reads;

    private record Reads(KafkaStreams streams, LedgerRouting routing, LocalLedgerReads active,
            LocalLedgerReads anyReplica) {
    }

    void attach(final KafkaStreams streams) {
        this.reads = new Reads(streams, new LedgerRouting(streams), LocalLedgerReads.of(streams),
                LocalLedgerReads.includingStandbys(streams));
    }

    public LedgerRouting routing() {
        return current().routing();
    }

    public LocalLedgerReads active() {
        return current().active();
    }

    public LocalLedgerReads anyReplica() {
        return current().anyReplica();
    }

    public boolean isRunning() {
        final Reads current = reads;
        return current != null && current.streams().state() == KafkaStreams.State.RUNNING;
    }

    private Reads current() {
        final Reads current = reads;
        if (current == null) {
            throw new StoreUnavailableException("the ledger is starting");
        }
        return current;
    }
}
