package io.pciledger.query.claims;

import io.pciledger.schemas.command.Command;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.RecordMetadata;

/** Where {@link ClaimService} sends its commands: {@code pci.commands} ({@link CommandSender}). */
public interface CommandSink {

    /** Sends {@code command} keyed by its host; {@code acknowledged} runs once the broker answered. */
    Future<RecordMetadata> send(Command command, Callback acknowledged);
}
