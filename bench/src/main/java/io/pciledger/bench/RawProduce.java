package io.pciledger.bench;

import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;

/**
 * The raw produce baseline of one run, the same in {@code bench fold} and {@code bench raw-kafka}: the records go to a
 * fresh plain topic of {@code partitions} partitions by one plain idempotent producer ({@link ProduceAll},
 * {@code acks=all}); rate = records / time from the first send until the last acknowledgement.
 *
 * @param elapsed from the first send until the last acknowledgement
 * @param records how many were sent
 * @param bytes   what the topic's logs hold afterwards, record batches included
 */
record RawProduce(Duration elapsed, int records, long bytes) {

    /** Creates {@code topic} and sends {@code records} to it; the caller deletes the topic. */
    static RawProduce run(final BenchKafka kafka, final Admin admin, final String topic, final int partitions,
            final List<EncodedFact> records) throws Exception {
        RunTopics.createPlain(admin, topic, partitions);
        final Duration elapsed = ProduceAll.send(kafka.clientProperties(), topic, records);
        final long bytes = RunTopics.bytesOnDisk(admin, topic).values().stream().mapToLong(Long::longValue).sum();
        return new RawProduce(elapsed, records.size(), bytes);
    }

    double recordsPerSecond() {
        return perSecond(records, elapsed);
    }

    static double perSecond(final long count, final Duration elapsed) {
        return count / (elapsed.toNanos() / 1e9);
    }
}
