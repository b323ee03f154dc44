package io.pciledger.agent.publish;

import io.pciledger.schemas.inventory.InventoryFact;

/**
 * Where one host's agent sends its inventory facts. Sending is asynchronous; {@link #flush()} says
 * whether everything sent since the previous flush reached the ledger's input, so that an agent
 * knows when it must resync with a full snapshot.
 */
public interface FactSink {

    void send(InventoryFact fact);

    /**
     * Waits until every fact sent since the last flush is acknowledged or has failed.
     *
     * @return {@code true} when all of them were acknowledged
     */
    boolean flush();
}
