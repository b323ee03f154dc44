package io.pciledger.schemas.topic;

import io.pciledger.schemas.command.Command;
import io.pciledger.schemas.deadletter.DeadLetter;
import io.pciledger.schemas.derived.GroupCounts;
import io.pciledger.schemas.derived.HostPools;
import io.pciledger.schemas.group.GroupRegistration;
import io.pciledger.schemas.inventory.InventoryFact;
import io.pciledger.schemas.ledger.LedgerEvent;
import io.pciledger.schemas.result.ClaimResult;
import java.util.List;

/**
 * Every topic of PCI Ledger (DESIGN.md, "Topics"). Keys are plain UTF-8 strings; values are Avro
 * single-object encoded records of one type per topic.
 *
 * <p>{@code pci.inventory}, {@code pci.commands} and {@code pci.ledger} are co-partitioned: one
 * stream task owns a host's partition of all three and decides every claim on it in order.
 */
public final class Topics {

    public static final TopicDefinition<InventoryFact> INVENTORY = new TopicDefinition<>(
            "pci.inventory", "host", InventoryFact.class, Retention.TIME_LIMITED, true);
    public static final TopicDefinition<Command> COMMANDS = new TopicDefinition<>(
            "pci.commands", "host", Command.class, Retention.TIME_LIMITED, true);
    public static final TopicDefinition<LedgerEvent> LEDGER = new TopicDefinition<>(
            "pci.ledger", "host", LedgerEvent.class, Retention.FOREVER, true);
    public static final TopicDefinition<ClaimResult> CLAIM_RESULTS = new TopicDefinition<>(
            "pci.claim-results", "claim_id", ClaimResult.class, Retention.TIME_LIMITED, false);
    public static final TopicDefinition<GroupCounts> GROUP_COUNTS = new TopicDefinition<>(
            "pci.group-counts", "group", GroupCounts.class, Retention.COMPACTED, false);
    public static final TopicDefinition<HostPools> HOST_POOLS = new TopicDefinition<>(
            "pci.host-pools", "host", HostPools.class, Retention.COMPACTED, false);
    public static final TopicDefinition<GroupRegistration> GROUPS = new TopicDefinition<>(
            "pci.groups", "group", GroupRegistration.class, Retention.FOREVER, false);
    public static final TopicDefinition<DeadLetter> DEAD_LETTERS = new TopicDefinition<>(
            "pci.dead-letters", "source topic", DeadLetter.class, Retention.TIME_LIMITED, false);

    private static final List<TopicDefinition<?>> ALL = List.of(
            INVENTORY, COMMANDS, LEDGER, CLAIM_RESULTS, GROUP_COUNTS, HOST_POOLS, GROUPS, DEAD_LETTERS);

    private Topics() {
    }

    public static List<TopicDefinition<?>> all() {
        return ALL;
    }
}
