package io.pciledger.bench;

import io.pciledger.schemas.kafka.TopicContents;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.Topics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * One timed fold: a fresh ledger reads facts produced before it started, and is timed until it has folded all of
 * them end to end. "End to end" means both of:
 *
 * <ol>
 *   <li>the ledger's committed input offsets reach the end of every {@code pci.inventory} partition
 *       ({@link CommittedInput}): each fact's ledger events, host state and pools committed with its offset;</li>
 *   <li>{@code pci.group-counts}, read committed, shows for every group the count the domain fold of the same facts
 *       gives ({@link ExpectedFold}): the count changes went through the repartition topic and were summed and
 *       committed too.</li>
 * </ol>
 *
 * <p>The clock runs from the moment the ledger is first {@code RUNNING} (group joined, tasks assigned, nothing to
 * restore) to the first check at which both hold; checks are about 20 ms apart. The start-up before is reported
 * apart. After the clock stops, the committed events on {@code pci.ledger} are counted against the domain fold.
 */
final class LedgerFold {

    /**
     * @param startup       from start to first {@code RUNNING}
     * @param fold          from {@code RUNNING} until folded end to end
     * @param inputCommitted from {@code RUNNING} until the input offsets were committed (counts may follow later)
     * @param ledgerEvents  committed events on {@code pci.ledger} afterwards
     * @param timeSpent     where the stream threads spent the fold
     * @param bytesWritten  bytes in the logs of the run's topics after the fold, by topic (the input included)
     */
    record Measurement(Duration startup, Duration fold, Duration inputCommitted, long ledgerEvents,
            LedgerTimeSpent timeSpent, Map<String, Long> bytesWritten) {

        double factsPerSecond(final int facts) {
            return facts / (fold.toNanos() / 1e9);
        }
    }

    private static final Duration CHECK_EVERY = Duration.ofMillis(20);
    private static final Duration COUNTS_GRACE = Duration.ofSeconds(60);

    private LedgerFold() {
    }

    /**
     * @param runId    names the run's topics ({@code <runId>.pci.*}) and the ledger's application id
     * @param timeout  how long the fold may take before the run is given up
     * @throws IllegalStateException when the ledger stopped, did not finish in time, or its ledger or counts differ
     *                               from the domain fold
     */
    static Measurement run(final BenchKafka kafka, final Admin admin, final String runId, final int partitions,
            final List<EncodedFact> facts, final ExpectedFold expected, final Map<String, Object> ledgerSettings,
            final Duration timeout) throws Exception {
        final Map<String, Object> client = kafka.clientProperties();
        final Path stateDir = ScratchSpace.create("fold-state");
        try {
            final TopicNames names = RunTopics.provision(admin, runId + ".", partitions);
            ProduceAll.send(client, names.of(Topics.INVENTORY), facts);
            final Map<TopicPartition, Long> ends = RunTopics.endOffsets(admin, names.of(Topics.INVENTORY));
            final Measurement measurement;
            try (CommittedGroupCounts counts = new CommittedGroupCounts(client, names.of(Topics.GROUP_COUNTS));
                    BenchStreams ledger = BenchStreams.ledger(kafka.bootstrapServers(), names, runId, stateDir,
                            ledgerSettings)) {
                final long running = ledger.awaitRunning(Duration.ofMinutes(2));
                final LedgerTimeSpent atRunning = ledger.timeSpent();
                final CommittedInput input = new CommittedInput(admin, runId, ends);
                final long deadline = running + timeout.toNanos();
                long inputCommitted = 0;
                long done = 0;
                LedgerTimeSpent spent = null;
                while (done == 0) {
                    ledger.checkAlive();
                    counts.poll(CHECK_EVERY);
                    final long now = System.nanoTime();
                    if (inputCommitted == 0 && input.reached()) {
                        inputCommitted = now;
                    }
                    if (inputCommitted != 0 && counts.show(expected.groupCounts())) {
                        done = now;
                        spent = ledger.timeSpent().since(atRunning);
                    } else if (inputCommitted != 0 && now - inputCommitted > COUNTS_GRACE.toNanos()) {
                        throw new IllegalStateException("run " + runId + ": input committed, but pci.group-counts "
                                + "still shows " + counts.seen() + " after " + COUNTS_GRACE + "; the domain fold "
                                + "gives " + expected.groupCounts());
                    } else if (now > deadline) {
                        throw new IllegalStateException("run " + runId + ": the ledger did not fold "
                                + facts.size() + " facts within " + timeout);
                    }
                }
                final Map<String, Long> bytesWritten = RunTopics.bytesOnDisk(admin, runId);
                final long events = TopicContents.forEachCommitted(client, names.of(Topics.LEDGER),
                        new ByteArrayDeserializer(), Duration.ofMinutes(5), record -> { });
                if (events != expected.ledgerEvents()) {
                    throw new IllegalStateException("run " + runId + ": pci.ledger has " + events
                            + " committed events, the domain fold of the same facts gives " + expected.ledgerEvents());
                }
                measurement = new Measurement(Duration.ofNanos(running - ledger.startedNanos()),
                        Duration.ofNanos(done - running), Duration.ofNanos(inputCommitted - running), events, spent,
                        bytesWritten);
            }
            return measurement;
        } finally {
            RunTopics.deleteAll(admin, runId);
            RunTopics.deleteGroup(admin, runId);
            DeleteTree.quietly(stateDir);
        }
    }
}
