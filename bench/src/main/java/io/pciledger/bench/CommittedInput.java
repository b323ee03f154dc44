package io.pciledger.bench;

import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether a ledger has committed its input up to given end offsets: its consumer group (the application id) has
 * committed, on every partition, the offset after the last record. Under {@code exactly_once_v2} an input offset
 * commits in the same transaction as everything the record caused (ledger events, host state, pools, count
 * changes), so this says that all of it is committed too.
 *
 * <p>It holds only for input written without transactions (as agents and the benchmarks write it): a transaction
 * marker would sit after the last record and the committed offset would never reach the end.
 */
final class CommittedInput {

    private final Admin admin;
    private final String groupId;
    private final Map<TopicPartition, Long> ends;

    /**
     * @param groupId the ledger's application id
     * @param ends    the end offset of every input partition, taken once the input was complete
     */
    CommittedInput(final Admin admin, final String groupId, final Map<TopicPartition, Long> ends) {
        this.admin = admin;
        this.groupId = groupId;
        this.ends = Map.copyOf(ends);
    }

    /** Asks the group coordinator once. */
    boolean reached() throws Exception {
        final Map<TopicPartition, OffsetAndMetadata> committed =
                admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
        for (final Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (end.getValue() == 0) {
                continue;
            }
            final OffsetAndMetadata offset = committed.get(end.getKey());
            if (offset == null || offset.offset() < end.getValue()) {
                return false;
            }
        }
        return true;
    }
}
