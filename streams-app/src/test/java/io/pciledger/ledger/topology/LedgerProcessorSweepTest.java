package io.pciledger.ledger.topology;

import static org.assertj.core.api.Assertions.assertThat;

import io.pciledger.ledger.avro.Commands;
import io.pciledger.ledger.avro.InventoryFacts;
import io.pciledger.ledger.avro.LedgerEvents;
import io.pciledger.ledger.domain.ClaimRequest;
import io.pciledger.ledger.domain.DevType;
import io.pciledger.ledger.domain.Device;
import io.pciledger.ledger.domain.InventoryFact;
import io.pciledger.ledger.domain.LedgerEvent;
import io.pciledger.ledger.domain.RequestItem;
import io.pciledger.ledger.domain.Requester;
import io.pciledger.ledger.state.ArchivedClaimSerde;
import io.pciledger.ledger.state.ClaimKey;
import io.pciledger.ledger.state.DeviceEventKey;
import io.pciledger.ledger.state.DeviceKey;
import io.pciledger.ledger.state.HostEventKey;
import io.pciledger.ledger.state.HostHeaderSerde;
import io.pciledger.ledger.state.LedgerDeviceSerde;
import io.pciledger.schemas.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/**
 * A ledger processor that starts over stores it did not fill (a restart, a rebalance) sweeps them: a few hosts at a
 * time, until every host is checked and scheduled. Driven through Kafka Streams' {@link MockProcessorContext}, since
 * only a new processor over existing stores sweeps, and the topology test driver cannot make one.
 */
class LedgerProcessorSweepTest {

    private static final Instant START = Instant.parse("2026-03-01T08:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(2);
    private static final LedgerTimers TIMERS = new LedgerTimers(Duration.ofSeconds(10), Duration.ofDays(1));
    private static final Device GPU = new Device("0000:af:00.0", "10de", "20b5", "030200", DevType.TYPE_PCI, null,
            null, null, null, "gpu", Map.of());
    private static final int HOSTS = 20;
    private static final int SLICE = LedgerProcessor.SWEEP_SLICE_HOSTS;

    private final MockProcessorContext<String, SpecificRecord> context = new MockProcessorContext<>(new Properties());
    private int ids;

    LedgerProcessorSweepTest() {
        addStore(LedgerTopology.HOST_LEDGERS_STORE, Serdes.String(), new HostHeaderSerde());
        addStore(LedgerTopology.HOST_DEVICES_STORE, DeviceKey.SERDE, new LedgerDeviceSerde());
        addStore(LedgerTopology.LAST_HEARD_STORE, Serdes.String(), Serdes.Long());
        addStore(LedgerTopology.CLAIM_ARCHIVE_STORE, ClaimKey.SERDE, new ArchivedClaimSerde());
        addStore(LedgerTopology.HOST_EVENTS_STORE, HostEventKey.SERDE, Topics.LEDGER.valueSerde());
        addStore(LedgerTopology.DEVICE_HISTORY_STORE, DeviceEventKey.SERDE, Serdes.Long());
        addStore(LedgerTopology.GROUPS_STORE, Serdes.String(), Topics.GROUPS.valueSerde());
        context.setCurrentSystemTimeMs(START.toEpochMilli());
    }

    @Test
    void aNewProcessorSweepsItsHostsAFewAtATimeUntilEveryDueClaimHasExpired() {
        claimedWithTtlOnEveryHost();
        started();
        final MockProcessorContext.CapturedPunctuator sweep = lastScheduledSweep();
        context.resetForwards();
        final long afterTtl = START.plus(TTL).plusSeconds(1).toEpochMilli();
        context.setCurrentSystemTimeMs(afterTtl);

        sweep.getPunctuator().punctuate(afterTtl);
        assertThat(hostsWithExpiredClaims()).as("after one sweep").hasSize(SLICE);
        sweep.getPunctuator().punctuate(afterTtl);
        sweep.getPunctuator().punctuate(afterTtl);
        assertThat(hostsWithExpiredClaims()).as("after three").hasSize(HOSTS);
    }

    @Test
    void theSweepStopsOnceEveryHostIsScheduledSoThatAnIdleTaskDoesNotCommit() {
        claimedWithTtlOnEveryHost();
        started();
        final MockProcessorContext.CapturedPunctuator sweep = lastScheduledSweep();
        final long now = START.plusSeconds(1).toEpochMilli();

        sweep.getPunctuator().punctuate(now);
        sweep.getPunctuator().punctuate(now);
        assertThat(sweep.cancelled()).as("12 of 20 hosts swept").isFalse();
        sweep.getPunctuator().punctuate(now);

        assertThat(sweep.cancelled()).isTrue();
    }

    /** Every host reported with one GPU, claimed with a time-to-live, by a processor over this context's stores. */
    private void claimedWithTtlOnEveryHost() {
        final LedgerProcessor first = started();
        for (int host = 0; host < HOSTS; host++) {
            report(first, "compute-" + host, new InventoryFact.HostSnapshot(List.of(GPU)));
            claim(first, "compute-" + host, new ClaimRequest("claim-" + host, "acme", "vm-" + host,
                    List.of(RequestItem.devices("gpu", 1)), false, TTL));
        }
    }

    private LedgerProcessor started() {
        final LedgerProcessor processor = new LedgerProcessor(TIMERS);
        processor.init(context);
        return processor;
    }

    /** The sweep of the processor initialised last: its wall-clock punctuation shorter than the check's. */
    private MockProcessorContext.CapturedPunctuator lastScheduledSweep() {
        final List<MockProcessorContext.CapturedPunctuator> scheduled = context.scheduledPunctuators();
        final MockProcessorContext.CapturedPunctuator sweep = scheduled.get(scheduled.size() - 1);
        assertThat(sweep.getInterval()).isLessThan(TIMERS.checkEvery());
        return sweep;
    }

    private Set<String> hostsWithExpiredClaims() {
        final Set<String> hosts = new TreeSet<>();
        for (final var forwarded : context.forwarded()) {
            if (forwarded.record().value() instanceof io.pciledger.schemas.ledger.LedgerEvent event
                    && LedgerEvents.toDomain(event).event() instanceof LedgerEvent.ClaimExpired) {
                hosts.add(forwarded.record().key());
            }
        }
        return hosts;
    }

    private void report(final LedgerProcessor processor, final String host, final InventoryFact fact) {
        processor.process(new Record<>(host, InventoryFacts.toAvro("fact-" + ++ids, host, START, fact),
                START.toEpochMilli()));
    }

    private void claim(final LedgerProcessor processor, final String host, final ClaimRequest request) {
        processor.process(new Record<>(host, Commands.toAvro("command-" + ++ids, host, START,
                Requester.tenant("acme"), request), START.toEpochMilli()));
    }

    private <K, V> void addStore(final String name, final Serde<K> keys, final Serde<V> values) {
        final KeyValueStore<K, V> store = Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), keys, values)
                .withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
    }
}
