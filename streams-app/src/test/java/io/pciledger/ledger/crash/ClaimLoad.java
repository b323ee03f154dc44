package io.pciledger.ledger.crash;

import static org.awaitility.Awaitility.await;

import io.pciledger.ledger.avro.ClaimResults;
import io.pciledger.ledger.avro.Commands;
import io.pciledger.ledger.domain.ClaimRequest;
import io.pciledger.ledger.domain.Command;
import io.pciledger.ledger.domain.CommandOutcome;
import io.pciledger.ledger.domain.ReleaseRequest;
import io.pciledger.ledger.domain.RequestItem;
import io.pciledger.ledger.domain.Requester;
import io.pciledger.schemas.result.ClaimResult;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Clients of the ledger, as the query service would act for them: each client thread writes claim commands
 * (keyed by host) for the hosts of {@link CrashFleet}, releases claims once it has read their committed grant,
 * retries claims with the same request (a new command id, the same claim id) and, now and then, with another
 * request (which must be refused {@code CLAIM_ID_CONFLICT}). Nothing waits for the ledger: commands keep coming
 * while it is down.
 *
 * <p>Every command sent is kept ({@link #sent()}), and every committed result read (isolation
 * {@code read_committed}) by command id, so the test can tell when all are answered.
 */
final class ClaimLoad implements AutoCloseable {

    /** A command as written to {@code pci.commands}. */
    record Sent(String commandId, String host, Command command) {
    }

    private static final Requester TENANT = Requester.tenant("acme");
    private static final Duration TIME_TO_LIVE = Duration.ofSeconds(3);

    private final TopicNames names;
    private final KafkaProducer<String, io.pciledger.schemas.command.Command> commands;
    private final KafkaConsumer<String, ClaimResult> results;
    private final Map<String, CommandOutcome> answers = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Sent> sent = new ConcurrentLinkedQueue<>();
    private final AtomicLong commandIds = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean sending;
    private volatile boolean reading = true;

    ClaimLoad(final Map<String, Object> clientProperties, final TopicNames names) {
        this.names = names;
        final Map<String, Object> producer = new HashMap<>(clientProperties);
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        this.commands = new KafkaProducer<>(producer, new StringSerializer(), Topics.COMMANDS.valueSerde().serializer());
        final Map<String, Object> consumer = new HashMap<>(clientProperties);
        consumer.put(ConsumerConfig.GROUP_ID_CONFIG, "crash-clients-" + names.prefix());
        consumer.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        this.results = new KafkaConsumer<>(consumer, new StringDeserializer(),
                Topics.CLAIM_RESULTS.valueSerde().deserializer());
        this.results.subscribe(List.of(names.of(Topics.CLAIM_RESULTS)));
        threads.add(daemon("claim-results-reader", this::readResults));
        threads.get(0).start();
    }

    /** Starts {@code clients} client threads, the {@code i}-th drawing its choices from {@code seed + i}. */
    void start(final int clients, final long seed) {
        sending = true;
        for (int client = 0; client < clients; client++) {
            final Thread thread = daemon("claim-client-" + client, new Client(client, new Random(seed + client)));
            threads.add(thread);
            thread.start();
        }
    }

    /** Stops the client threads; rethrows what made one of them stop early. */
    void stopSending() throws InterruptedException {
        sending = false;
        for (final Thread thread : threads.subList(1, threads.size())) {
            thread.join();
        }
        if (failure.get() != null) {
            throw new AssertionError("a client of the ledger failed", failure.get());
        }
    }

    /** Waits until every command sent has a committed result. */
    void awaitAllAnswered(final Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ofMillis(250)).alias("every command answered").until(() -> {
            if (failure.get() != null) {
                throw new AssertionError("reading the claim results failed", failure.get());
            }
            return sent.stream().allMatch(command -> answers.containsKey(command.commandId()));
        });
    }

    /** How many commands have a committed result. */
    int answered() {
        return answers.size();
    }

    /** Every command sent, in the order each client sent them. */
    List<Sent> sent() {
        return List.copyOf(sent);
    }

    @Override
    public void close() throws InterruptedException {
        sending = false;
        reading = false;
        results.wakeup();
        for (final Thread thread : threads) {
            thread.join();
        }
        commands.close();
    }

    /** Writes {@code command} for {@code host} under a new command id, and waits until the broker has it. */
    private Sent send(final String host, final Command command) throws ExecutionException, InterruptedException {
        final Sent written = new Sent("cmd-" + commandIds.incrementAndGet(), host, command);
        commands.send(new ProducerRecord<>(names.of(Topics.COMMANDS), host,
                Commands.toAvro(written.commandId(), host, Instant.now(), TENANT, command))).get();
        sent.add(written);
        return written;
    }

    private void readResults() {
        try {
            while (reading) {
                results.poll(Duration.ofMillis(200)).forEach(record ->
                        answers.put(record.value().getCommandId(), ClaimResults.toDomain(record.value())));
            }
        } catch (final WakeupException closing) {
            // close() stops the reader.
        } finally {
            results.close();
        }
    }

    private Thread daemon(final String name, final ThrowingRunnable body) {
        final Thread thread = new Thread(() -> {
            try {
                body.run();
            } catch (final Throwable problem) {
                failure.compareAndSet(null, problem);
            }
        }, name);
        thread.setDaemon(true);
        return thread;
    }

    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /** One client: its claims, and what it does next. */
    private final class Client implements ThrowingRunnable {

        private final int index;
        private final Random random;
        private final List<Sent> claims = new ArrayList<>();
        private final Set<String> released = new HashSet<>();
        private int nextClaim;

        Client(final int index, final Random random) {
            this.index = index;
            this.random = random;
        }

        @Override
        public void run() throws Exception {
            while (sending) {
                final int roll = random.nextInt(100);
                if (claims.isEmpty() || roll < 45) {
                    claimSomething();
                } else if (roll < 60) {
                    retrySameRequest();
                } else if (roll < 64) {
                    retryAnotherRequest();
                } else if (roll < 96) {
                    releaseAGrant();
                } else {
                    releaseAgain();
                }
                Thread.sleep(100 + random.nextInt(200));
            }
        }

        private void claimSomething() throws Exception {
            final String claimId = "claim-" + index + "-" + ++nextClaim;
            final int request = random.nextInt(CrashFleet.REQUESTS.size());
            final ClaimRequest claim = claim(claimId, request);
            final String host = CrashFleet.HOSTS.get(random.nextInt(CrashFleet.HOSTS.size()));
            claims.add(send(host, random.nextInt(5) == 0 ? claim.withTtl(TIME_TO_LIVE) : claim));
        }

        private void retrySameRequest() throws Exception {
            final Sent first = claims.get(random.nextInt(claims.size()));
            send(first.host(), first.command());
        }

        private void retryAnotherRequest() throws Exception {
            final Sent first = claims.get(random.nextInt(claims.size()));
            final ClaimRequest original = (ClaimRequest) first.command();
            final int other = (CrashFleet.REQUESTS.indexOf(original.items()) + 1 + random.nextInt(
                    CrashFleet.REQUESTS.size() - 1)) % CrashFleet.REQUESTS.size();
            send(first.host(), claim(original.claimId(), other));
        }

        /** Releases a claim this client has read a committed grant of; claims something if it has none. */
        private void releaseAGrant() throws Exception {
            final List<Sent> granted = claims.stream()
                    .filter(claim -> !released.contains(claim.command().claimId()))
                    .filter(claim -> answers.get(claim.commandId()) instanceof CommandOutcome.Granted)
                    .toList();
            if (granted.isEmpty()) {
                claimSomething();
                return;
            }
            final Sent claim = granted.get(random.nextInt(granted.size()));
            send(claim.host(), new ReleaseRequest(claim.command().claimId(), "instance deleted"));
            released.add(claim.command().claimId());
        }

        private void releaseAgain() throws Exception {
            final List<Sent> done = claims.stream()
                    .filter(claim -> released.contains(claim.command().claimId()))
                    .toList();
            if (done.isEmpty()) {
                claimSomething();
                return;
            }
            final Sent claim = done.get(random.nextInt(done.size()));
            send(claim.host(), new ReleaseRequest(claim.command().claimId(), "instance deleted again"));
        }

        private ClaimRequest claim(final String claimId, final int request) {
            final List<RequestItem> items = CrashFleet.REQUESTS.get(request);
            return new ClaimRequest(claimId, TENANT.actor(), "vm-" + claimId, items, false, null);
        }
    }
}
