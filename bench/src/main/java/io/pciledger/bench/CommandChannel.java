package io.pciledger.bench;

import io.pciledger.query.claims.CommandSender;
import io.pciledger.schemas.command.Command;
import io.pciledger.schemas.result.ClaimResult;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The claim path as the query service uses it: a command goes to {@code pci.commands} through the service's own
 * {@link CommandSender} (keyed by its host, {@code acks=all}, idempotent, no linger), and is answered by its result
 * on {@code pci.claim-results} once that result is committed. One {@code read_committed} consumer (no group, every
 * partition, from where the topic ended when the channel opened) runs on a thread of its own and completes the
 * answer of each command id it sees. Each answer's time is recorded by stage ({@link #stages()}).
 *
 * <p>Thread-safe: many clients share one channel, as requests share one service instance.
 */
final class CommandChannel implements AutoCloseable {

    private final CommandSender sender;
    private final KafkaConsumer<String, ClaimResult> results;
    private final Map<String, Pending> waiting = new ConcurrentHashMap<>();
    private final CommandStages stages = new CommandStages();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Thread listener;
    private volatile boolean open = true;

    CommandChannel(final Map<String, Object> clientProperties, final TopicNames names) {
        this.sender = new CommandSender(names.of(Topics.COMMANDS), clientProperties);

        final Map<String, Object> consumerConfig = new HashMap<>(clientProperties);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.results = new KafkaConsumer<>(consumerConfig, new StringDeserializer(),
                Topics.CLAIM_RESULTS.valueSerde().deserializer());
        final String resultsTopic = names.of(Topics.CLAIM_RESULTS);
        final List<TopicPartition> partitions = results.partitionsFor(resultsTopic).stream()
                .map(info -> new TopicPartition(resultsTopic, info.partition())).toList();
        results.assign(partitions);
        results.seekToEnd(partitions);
        // Resolve the positions now, before any command is sent, so that no answer can be skipped.
        partitions.forEach(results::position);
        this.listener = new Thread(this::listen, "claim-results-listener");
        listener.setDaemon(true);
        listener.start();
    }

    /** Sends {@code command}; the answer completes with its committed result, or fails if it could not be sent. */
    CompletableFuture<ClaimResult> send(final Command command) {
        final RuntimeException failed = failure.get();
        if (failed != null) {
            throw new IllegalStateException("the claim results listener stopped", failed);
        }
        final Pending pending = new Pending(System.currentTimeMillis());
        waiting.put(command.getCommandId(), pending);
        sender.send(command, (metadata, exception) -> {
            pending.storedMs = System.currentTimeMillis();
            if (exception != null) {
                waiting.remove(command.getCommandId());
                pending.answer.completeExceptionally(exception);
            }
        });
        return pending.answer;
    }

    /** The time of the answers so far, by stage. */
    CommandStages stages() {
        return stages;
    }

    private void listen() {
        try {
            while (open) {
                for (final ConsumerRecord<String, ClaimResult> record : results.poll(Duration.ofMillis(500))) {
                    final Pending pending = waiting.remove(record.value().getCommandId());
                    if (pending != null) {
                        final long storedMs = pending.storedMs;
                        if (storedMs >= 0) {
                            stages.record(pending.sentMs, storedMs, record.value().getDecidedAt().toEpochMilli(),
                                    System.currentTimeMillis());
                        }
                        pending.answer.complete(record.value());
                    }
                }
            }
        } catch (WakeupException closing) {
            // close() woke the consumer up.
        } catch (RuntimeException e) {
            failure.set(e);
            waiting.values().forEach(pending -> pending.answer.completeExceptionally(e));
        } finally {
            results.close();
        }
    }

    @Override
    public void close() throws InterruptedException {
        open = false;
        results.wakeup();
        listener.join(Duration.ofSeconds(30).toMillis());
        sender.close();
    }

    /** A command sent and not yet answered. */
    private static final class Pending {

        final CompletableFuture<ClaimResult> answer = new CompletableFuture<>();
        final long sentMs;
        /** Set by the producer's callback; usually before the result is read, but that is not guaranteed. */
        volatile long storedMs = -1;

        Pending(final long sentMs) {
            this.sentMs = sentMs;
        }
    }
}
