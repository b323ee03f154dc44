package io.pciledger.ledger.topology;

import io.pciledger.ledger.avro.ClaimResults;
import io.pciledger.ledger.avro.Commands;
import io.pciledger.ledger.avro.GroupCountRecords;
import io.pciledger.ledger.avro.GroupRegistrations;
import io.pciledger.ledger.avro.HostPoolRecords;
import io.pciledger.ledger.avro.InventoryFacts;
import io.pciledger.ledger.avro.LedgerEvents;
import io.pciledger.ledger.domain.Answer;
import io.pciledger.ledger.domain.Availability;
import io.pciledger.ledger.domain.Cause;
import io.pciledger.ledger.domain.ClaimRequest;
import io.pciledger.ledger.domain.Command;
import io.pciledger.ledger.domain.GroupDirectory;
import io.pciledger.ledger.domain.GroupRegistration;
import io.pciledger.ledger.domain.HostGroupCounts;
import io.pciledger.ledger.domain.HostLedger;
import io.pciledger.ledger.domain.HostLedgerSession;
import io.pciledger.ledger.domain.HostPools;
import io.pciledger.ledger.domain.InventoryFact;
import io.pciledger.ledger.domain.LedgerRecord;
import io.pciledger.ledger.domain.Requester;
import io.pciledger.schemas.deadletter.DeadLetter;
import io.pciledger.ledger.topology.HostStateStores.LoadedHost;
import io.pciledger.schemas.topic.Topics;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.Cancellable;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ledger of the hosts of one partition: loads a host's state ({@link HostStateStores}), hands the
 * inventory fact or command to the domain ({@link HostLedgerSession}), and writes what it decided: every ledger
 * record to {@code pci.ledger} (key host), a command's answer to {@code pci.claim-results} (key claim id), and,
 * when the host's ledger changed, its pools to {@code pci.host-pools} (key host) and the change of each group's
 * count on the host (key group) to be summed. It forwards them all to its one child as Avro records; the
 * topology routes them by type ({@link LedgerTopology}). Every ledger record also goes to the audit stores
 * {@code host-events} and {@code device-history} ({@link AuditTrail}). Under {@code exactly_once_v2} the stores,
 * every output and the input offset commit together.
 *
 * <p>{@code host-ledgers} (a header per host) and {@code host-devices} (a row per device) hold the live part of a
 * host's ledger; the claims it has finished with (ended or refused) are in {@code claim-archive}, key (host, claim
 * id), read only when a command names the claim id and written by the ledger as it applies the events that end or
 * refuse them ({@link StoredClaimArchive}).
 *
 * <p>The host's state is written back only when ledger records were appended, and then only its header and the
 * devices they touched: a heartbeat, or a fact that changes nothing, writes only when the agent was heard, to the
 * small {@code host-last-heard} store (host to epoch milliseconds), since that time is not ledger state.
 *
 * <p>The cause of a fact's events is its fact id and agent host; of a command's, its command id and actor. The
 * decision time is this processor's wall clock, not the agent's or client's: a skewed clock elsewhere cannot
 * make a host stale or a claim expire.
 *
 * <p>A claim is decided against the group registrations of the global {@code groups} store (private groups are
 * claimable only by their owner and admins): the registrations of the groups it requests, looked up by group for
 * every command.
 *
 * <p>Every {@link LedgerTimers#checkEvery()} of wall-clock time it checks the hosts it owns that are due
 * ({@link HostCheckSchedule}): claims past their time-to-live expire, and a host whose agent has been silent longer
 * than {@link LedgerTimers#staleAfter()} is marked stale. Until every host has a due time (after a start, a
 * rebalance, or a failed decision), it also sweeps the hosts it owns, a few every 100 ms, checking and scheduling
 * each. Those events are caused by {@code expiry@<time>} and {@code liveness@<time>}, actor {@code ledger}.
 *
 * <p>A record whose key is not the host it names is dead-lettered (to {@code pci.dead-letters}, with the reason),
 * not applied: on another partition it would be decided by a task that does not own the host, which is how claims
 * would race. So is a record whose payload this version does not know. (Records no serde can read are
 * dead-lettered before they get here, by {@link DeadLetterHandler}.)
 */
final class LedgerProcessor implements Processor<String, SpecificRecord, String, SpecificRecord> {

    private static final Logger LOG = LoggerFactory.getLogger(LedgerProcessor.class);
    /** Hosts whose live state a task keeps decoded in memory: some 20 KB each with 60 devices. */
    private static final int CACHED_HOSTS_PER_TASK = 1024;
    /**
     * Hosts a sweep checks at a time, and how often: at about 0.6 ms a host not in memory (estimated from a check of
     * 1,000 such hosts, 631 ms), some 5 ms of every 100 ms for each task the stream thread sweeps, 30 ms with six;
     * 1,000 hosts a task are swept in about 13 seconds.
     */
    static final int SWEEP_SLICE_HOSTS = 8;
    private static final Duration SWEEP_EVERY = Duration.ofMillis(100);

    private final LedgerTimers timers;
    private ProcessorContext<String, SpecificRecord> context;
    private HostStateStores hosts;
    private KeyValueStore<String, Long> lastHeard;
    private KeyValueStore<String, io.pciledger.schemas.group.GroupRegistration> groups;
    private AuditTrail audit;
    private HostCheckSchedule checks;
    private Cancellable sweeping;

    LedgerProcessor(final LedgerTimers timers) {
        this.timers = timers;
    }

    @Override
    public void init(final ProcessorContext<String, SpecificRecord> processorContext) {
        this.context = processorContext;
        this.hosts = new HostStateStores(processorContext.getStateStore(LedgerTopology.HOST_LEDGERS_STORE),
                processorContext.getStateStore(LedgerTopology.HOST_DEVICES_STORE),
                processorContext.getStateStore(LedgerTopology.CLAIM_ARCHIVE_STORE), CACHED_HOSTS_PER_TASK);
        this.lastHeard = processorContext.getStateStore(LedgerTopology.LAST_HEARD_STORE);
        this.groups = processorContext.getStateStore(LedgerTopology.GROUPS_STORE);
        // Made here, not with the processor: Kafka Streams re-initialises the same processor after it wiped and
        // restored the stores (e.g. a failed exactly-once commit), and the due times of rolled-back work must go too.
        this.checks = new HostCheckSchedule();
        this.audit = new AuditTrail(processorContext.getStateStore(LedgerTopology.HOST_EVENTS_STORE),
                processorContext.getStateStore(LedgerTopology.DEVICE_HISTORY_STORE));
        processorContext.schedule(timers.checkEvery(), PunctuationType.WALL_CLOCK_TIME, this::checkDueHosts);
        if (sweeping != null) {
            sweeping.cancel();
            sweeping = null;
        }
        startSweeping();
    }

    /** Expires due claims and marks silent hosts stale, on the hosts the schedule says are due. */
    private void checkDueHosts(final long wallClockMs) {
        final Instant now = Instant.ofEpochMilli(wallClockMs);
        for (final String host : checks.takeDue(now)) {
            check(host, hosts::load, now);
        }
    }

    /**
     * Schedules the sweep unless it is scheduled. The sweep cancels itself once the schedule is complete: Kafka
     * Streams commits a task after each of its wall-clock punctuations, and an idle ledger should not commit a
     * transaction every 100 ms.
     */
    private void startSweeping() {
        if (sweeping == null) {
            sweeping = context.schedule(sweepEvery(), PunctuationType.WALL_CLOCK_TIME, this::sweep);
        }
    }

    /**
     * Checks and schedules the next {@link #SWEEP_SLICE_HOSTS} hosts of the task: a few at a time, so that the
     * claims decided meanwhile wait milliseconds, not the whole sweep; read without being kept in memory, so that
     * the sweep does not fill it with idle hosts. A host is passed before it is checked, so that one that always
     * fails cannot hold the sweep up.
     */
    private void sweep(final long wallClockMs) {
        final Instant now = Instant.ofEpochMilli(wallClockMs);
        final List<String> slice = hosts.hostsAfter(checks.sweptUpTo(), SWEEP_SLICE_HOSTS);
        for (final String host : slice) {
            checks.sweptTo(host);
            check(host, hosts::peek, now);
        }
        if (slice.size() < SWEEP_SLICE_HOSTS) {
            checks.passEnded();
        }
        if (checks.isComplete()) {
            sweeping.cancel();
            sweeping = null;
        }
    }

    private void check(final String host, final Function<String, LoadedHost> loader, final Instant now) {
        forgettingOnFailure(host, () -> {
            final LoadedHost loaded = loader.apply(host);
            final HostLedgerSession session = new HostLedgerSession(loaded.ledger(), lastHeard(host));
            final List<LedgerRecord> records = new ArrayList<>(
                    session.expire(Cause.byLedger("expiry@" + now, now)));
            records.addAll(session.checkLiveness(timers.staleAfter(), Cause.byLedger("liveness@" + now, now)));
            write(session, loaded.counts(), records, now);
            checks.schedule(host, session.nextCheckDue(timers.staleAfter()));
        });
    }

    private Duration sweepEvery() {
        return timers.checkEvery().compareTo(SWEEP_EVERY) < 0 ? timers.checkEvery() : SWEEP_EVERY;
    }

    @Override
    public void process(final Record<String, SpecificRecord> record) {
        final SpecificRecord value = record.value();
        if (value instanceof io.pciledger.schemas.inventory.InventoryFact fact) {
            if (keyedByHost(record, fact.getHost(), "fact " + fact.getFactId())) {
                forgettingOnFailure(fact.getHost(), () -> report(record, fact));
            }
        } else if (value instanceof io.pciledger.schemas.command.Command command) {
            if (keyedByHost(record, command.getHost(), "command " + command.getCommandId())) {
                forgettingOnFailure(command.getHost(), () -> handle(record, command));
            }
        } else {
            deadLetter(record, "neither an inventory fact nor a command: " + value);
        }
    }

    private void report(final Record<String, SpecificRecord> record,
            final io.pciledger.schemas.inventory.InventoryFact avro) {
        final InventoryFact fact;
        try {
            fact = InventoryFacts.toDomain(avro);
        } catch (final IllegalArgumentException | NullPointerException unreadable) {
            deadLetter(record, "fact " + avro.getFactId() + " of host " + avro.getHost() + " cannot be read: "
                    + unreadable.getMessage());
            return;
        }
        final Instant now = now();
        final LoadedHost loaded = hosts.load(avro.getHost());
        final HostLedgerSession session = new HostLedgerSession(loaded.ledger(), lastHeard(avro.getHost()));
        final List<LedgerRecord> records = session.report(fact, new Cause(avro.getFactId(), avro.getHost(), now));
        session.lastHeard().ifPresent(heard -> lastHeard.put(avro.getHost(), heard.toEpochMilli()));
        write(session, loaded.counts(), records, now);
        checks.schedule(avro.getHost(), session.nextCheckDue(timers.staleAfter()));
    }

    private void handle(final Record<String, SpecificRecord> record, final io.pciledger.schemas.command.Command avro) {
        final Command command;
        final Requester requester;
        try {
            command = Commands.toDomain(avro);
            requester = Commands.requester(avro);
        } catch (final IllegalArgumentException | NullPointerException unreadable) {
            deadLetter(record, "command " + avro.getCommandId() + " for host " + avro.getHost()
                    + " cannot be read: " + unreadable.getMessage());
            return;
        }
        final Instant now = now();
        final LoadedHost loaded = hosts.load(avro.getHost());
        final HostLedgerSession session = new HostLedgerSession(loaded.ledger(), lastHeard(avro.getHost()));
        final Answer answer = session.handle(command, requester, groupDirectory(command),
                new Cause(avro.getCommandId(), requester.actor(), now));
        write(session, loaded.counts(), answer.records(), now);
        if (!answer.records().isEmpty()) {
            checks.schedule(avro.getHost(), session.nextCheckDue(timers.staleAfter()));
        }
        context.forward(new Record<>(command.claimId(),
                ClaimResults.toAvro(command.claimId(), avro.getCommandId(), avro.getHost(), now, answer.outcome()),
                now.toEpochMilli()));
    }

    /**
     * The registrations of the groups {@code command} asks for, as the global store holds them now: one lookup per
     * requested group rather than a copy of every registration, so a command costs the same however many groups
     * are registered, and it always sees the store as the global thread last left it.
     */
    private GroupDirectory groupDirectory(final Command command) {
        if (!(command instanceof ClaimRequest claim)) {
            return GroupDirectory.empty();
        }
        final List<GroupRegistration> registrations = new ArrayList<>();
        for (final String group : claim.requestedGroups()) {
            GroupRegistrations.toDomain(groups.get(group)).ifPresent(registrations::add);
        }
        return GroupDirectory.of(registrations);
    }

    /**
     * Runs {@code work} on {@code host}; if it fails, the host's in-memory ledger may be half-way through a decision,
     * so it is dropped before the failure goes on to Kafka Streams. So may the host's due time be (or, in a check,
     * those of the hosts after it): a processing exception handler may let this processor go on, so it sweeps every
     * host again.
     */
    private void forgettingOnFailure(final String host, final Runnable work) {
        try {
            work.run();
        } catch (final RuntimeException failure) {
            hosts.forget(host);
            checks.markIncomplete();
            startSweeping();
            throw failure;
        }
    }

    private Instant lastHeard(final String host) {
        final Long heard = lastHeard.get(host);
        return heard == null ? null : Instant.ofEpochMilli(heard);
    }

    /**
     * If the session appended {@code records}: the host's state to its stores, the records to the ledger and the
     * audit stores, the host's pools as they now stand and the changes of its group counts since {@code before}.
     */
    private void write(final HostLedgerSession session, final HostGroupCounts before,
            final List<LedgerRecord> records, final Instant now) {
        if (records.isEmpty()) {
            return;
        }
        final HostLedger ledger = session.ledger();
        final Map<String, Availability> standing = Availability.of(ledger);
        final HostGroupCounts after = HostGroupCounts.of(ledger, standing);
        hosts.save(ledger, records, after);
        final String host = ledger.host();
        for (final LedgerRecord ledgerRecord : records) {
            final io.pciledger.schemas.ledger.LedgerEvent written = LedgerEvents.toAvro(ledgerRecord);
            audit.record(ledgerRecord, written, ledger);
            context.forward(new Record<>(host, written, now.toEpochMilli()));
        }
        context.forward(new Record<>(host, HostPoolRecords.toAvro(HostPools.of(ledger, standing),
                session.lastHeard().orElse(null), now), now.toEpochMilli()));
        after.changeSince(before).forEach((group, change) ->
                context.forward(new Record<>(group, GroupCountRecords.toAvro(group, change, now),
                        now.toEpochMilli())));
    }

    private boolean keyedByHost(final Record<String, SpecificRecord> record, final String host, final String what) {
        if (host != null && host.equals(record.key())) {
            return true;
        }
        deadLetter(record, what + " is keyed " + record.key() + " but names host " + host
                + "; a host's records must be keyed by the host");
        return false;
    }

    /**
     * Writes {@code record} to {@code pci.dead-letters} (key the source topic) with {@code reason}, instead of
     * applying it. The value is the record re-encoded by its topic's serde.
     */
    private void deadLetter(final Record<String, SpecificRecord> record, final String reason) {
        LOG.warn("Dead-lettered a record of key {}: {}", record.key(), reason);
        final Optional<RecordMetadata> source = context.recordMetadata();
        final String topic = source.map(RecordMetadata::topic).orElse("unknown");
        final Instant now = now();
        final DeadLetter letter = new DeadLetter(topic, source.map(RecordMetadata::partition).orElse(-1),
                source.map(RecordMetadata::offset).orElse(-1L),
                record.key() == null ? null : ByteBuffer.wrap(record.key().getBytes(StandardCharsets.UTF_8)),
                encoded(topic, record.value()), reason, DeadLetterHandler.COMPONENT, now);
        context.forward(new Record<>(topic, letter, now.toEpochMilli()));
    }

    private static ByteBuffer encoded(final String topic, final SpecificRecord value) {
        if (value instanceof io.pciledger.schemas.inventory.InventoryFact fact) {
            return ByteBuffer.wrap(Topics.INVENTORY.valueSerde().serializer().serialize(topic, fact));
        } else if (value instanceof io.pciledger.schemas.command.Command command) {
            return ByteBuffer.wrap(Topics.COMMANDS.valueSerde().serializer().serialize(topic, command));
        }
        return null;
    }

    private Instant now() {
        return Instant.ofEpochMilli(context.currentSystemTimeMs());
    }
}
