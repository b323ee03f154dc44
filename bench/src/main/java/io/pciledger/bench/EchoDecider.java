package io.pciledger.bench;

import io.pciledger.ledger.avro.ClaimResults;
import io.pciledger.ledger.avro.Commands;
import io.pciledger.ledger.domain.ClaimRequest;
import io.pciledger.ledger.domain.CommandOutcome;
import io.pciledger.ledger.domain.RejectReason;
import io.pciledger.ledger.domain.ReleaseRequest;
import io.pciledger.schemas.command.Command;
import io.pciledger.schemas.result.ClaimResult;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.Topics;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;

/**
 * The least a decider of claims can do under {@code exactly_once_v2}: read each command from {@code pci.commands},
 * write one changelogged RocksDB record for it (the claim id and how many commands it has had) and answer it on
 * {@code pci.claim-results}: a claim is granted (no devices), a release answered released. No ledger, no audit, no
 * derived views. {@code bench claims-ceiling} drives it exactly as {@code bench claims} drives the ledger, so the
 * difference between the two is the ledger's own work.
 */
final class EchoDecider implements Processor<String, Command, String, ClaimResult> {

    static final String STORE = "answered";

    private ProcessorContext<String, ClaimResult> context;
    private KeyValueStore<String, Long> answered;

    /** {@code pci.commands} to {@code pci.claim-results} through this processor. */
    static Topology topology(final TopicNames names) {
        final StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(STORE), Serdes.String(),
                Serdes.Long()));
        builder.stream(names.of(Topics.COMMANDS), Consumed.with(Serdes.String(), Topics.COMMANDS.valueSerde()))
                .process(EchoDecider::new, Named.as("echo"), STORE)
                .to(names.of(Topics.CLAIM_RESULTS), Produced.with(Serdes.String(), Topics.CLAIM_RESULTS.valueSerde()));
        return builder.build();
    }

    @Override
    public void init(final ProcessorContext<String, ClaimResult> context) {
        this.context = context;
        this.answered = context.getStateStore(STORE);
    }

    @Override
    public void process(final Record<String, Command> record) {
        final Command command = record.value();
        final io.pciledger.ledger.domain.Command decoded = Commands.toDomain(command);
        final String claimId = decoded.claimId();
        final Long before = answered.get(claimId);
        final long commands = before == null ? 1 : before + 1;
        answered.put(claimId, commands);
        final CommandOutcome outcome;
        if (decoded instanceof ClaimRequest) {
            outcome = new CommandOutcome.Granted(List.of(), true, commands, null);
        } else if (decoded instanceof ReleaseRequest) {
            outcome = new CommandOutcome.Released(List.of(), false, commands);
        } else {
            outcome = new CommandOutcome.Rejected(RejectReason.INVALID_REQUEST, "the echo decider only claims and "
                    + "releases");
        }
        final Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        context.forward(new Record<>(claimId, ClaimResults.toAvro(claimId, command.getCommandId(), command.getHost(),
                now, outcome), now.toEpochMilli()));
    }
}
