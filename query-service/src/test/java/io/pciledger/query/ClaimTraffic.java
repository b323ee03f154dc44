package io.pciledger.query;

import static io.pciledger.query.ApiClient.NO_ANSWER;

import io.pciledger.query.ApiClient.Reply;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Clients of the HTTP API during a fault test, as a cloud's scheduler would act: each client thread claims one
 * device at a time on a host it names (a VF of {@code physnet1}, an NVMe drive or a GPU), keeps a few grants and
 * releases the oldest, with a short pause between requests. A request goes to the client's own instance first and
 * to the next one when that does not answer; one that gets no decision (a dead instance, {@code 503}, {@code 504})
 * is sent again with the same claim id until it gets one, as the API asks. So every claim id is decided once, on
 * its host, and every answer a client was given is kept ({@link #claims()}, {@link #releases()}) for the audit.
 */
final class ClaimTraffic implements AutoCloseable {

    /**
     * A claim as a client saw it: what it asked, when it first sent it, and the decision it was given (status 201 or
     * a refusal) and when.
     */
    record AnsweredClaim(String claimId, String host, int status, String reason, List<String> addresses,
            Instant sentAt, Instant answeredAt) {

        boolean granted() {
            return status == 201;
        }
    }

    /** A release answered {@code 200}. */
    record AnsweredRelease(String claimId, String host, Instant answeredAt) {
    }

    /** Statuses that mean "no decision yet: send it again", besides no answer at all. */
    private static final Set<Integer> TRY_AGAIN = Set.of(502, 503, 504);
    private static final List<String> ITEMS = List.of(
            "{\"group\": \"physnet1\", \"vnic_type\": \"direct\"}",
            "{\"group\": \"physnet1\", \"vnic_type\": \"direct\"}",
            "{\"group\": \"nvme\", \"count\": 1}",
            "{\"group\": \"gpu-a100\", \"count\": 1}");
    private static final int HELD_PER_CLIENT = 3;
    private static final Duration RELEASE_PATIENCE = Duration.ofSeconds(90);

    private final List<URI> instances;
    private final List<String> hosts;
    private final ApiClient api;
    private final ConcurrentLinkedQueue<AnsweredClaim> claims = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<AnsweredRelease> releases = new ConcurrentLinkedQueue<>();
    private final SortedMap<Integer, Integer> statuses = new TreeMap<>();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final List<Thread> clients = new ArrayList<>();
    private volatile boolean running;
    private volatile boolean abandoned;

    /**
     * @param instances every instance's base URI ({@code http://127.0.0.1:PORT}); client {@code i} prefers the
     *                  {@code i}-th (modulo their number)
     */
    ClaimTraffic(final List<URI> instances, final List<String> hosts, final String token) {
        this.instances = List.copyOf(instances);
        this.hosts = List.copyOf(hosts);
        this.api = new ApiClient(token);
    }

    /** Starts {@code count} clients, the {@code i}-th drawing its choices from {@code seed + i}. */
    void start(final int count, final long seed) {
        running = true;
        for (int index = 0; index < count; index++) {
            final Client client = new Client(index, new Random(seed + index));
            final Thread thread = new Thread(() -> {
                try {
                    client.run();
                } catch (final Throwable problem) {
                    failure.compareAndSet(null, problem);
                }
            }, "claim-client-" + index);
            thread.setDaemon(true);
            clients.add(thread);
            thread.start();
        }
    }

    /** Lets every client finish what it is waiting for (a decision, a release), then stops them. */
    void stop() throws InterruptedException {
        running = false;
        for (final Thread client : clients) {
            client.join();
        }
        if (failure.get() != null) {
            throw new AssertionError("a client of the API failed", failure.get());
        }
    }

    /** How many claims have been decided so far. */
    int answered() {
        return claims.size();
    }

    /** Every claim decided, in the order the answers came. */
    List<AnsweredClaim> claims() {
        return List.copyOf(claims);
    }

    /** Every release answered 200. */
    List<AnsweredRelease> releases() {
        return List.copyOf(releases);
    }

    /** How often each HTTP status came back, {@value ApiClient#NO_ANSWER} for no answer at all. */
    synchronized SortedMap<Integer, Integer> statuses() {
        return new TreeMap<>(statuses);
    }

    /** Stops the clients without waiting for the decisions they wait for: for a test that failed half-way. */
    @Override
    public void close() throws InterruptedException {
        running = false;
        abandoned = true;
        for (final Thread client : clients) {
            client.join(Duration.ofSeconds(60).toMillis());
        }
    }

    private synchronized void count(final int status) {
        statuses.merge(status, 1, Integer::sum);
    }

    /** One client thread. */
    private final class Client {

        private final int index;
        private final Random random;
        private final Deque<AnsweredClaim> held = new ArrayDeque<>();
        private int next;

        Client(final int index, final Random random) {
            this.index = index;
            this.random = random;
        }

        void run() throws Exception {
            while (running) {
                claimOne();
                if (held.size() > HELD_PER_CLIENT) {
                    release(held.removeFirst());
                }
                Thread.sleep(50 + random.nextInt(100));
            }
        }

        private void claimOne() throws Exception {
            final String claimId = "c" + index + "-" + ++next;
            final String host = hosts.get(random.nextInt(hosts.size()));
            final String body = "{\"claim_id\": \"" + claimId + "\", \"instance\": \"vm-" + claimId
                    + "\", \"host\": \"" + host + "\", \"items\": [" + ITEMS.get(random.nextInt(ITEMS.size())) + "]}";
            final Instant sentAt = Instant.now();
            Reply reply;
            do {
                reply = send("POST", "/v1/claims", body);
            } while ((TRY_AGAIN.contains(reply.status()) || reply.status() == NO_ANSWER) && !abandoned);
            if (abandoned) {
                return;
            }
            final List<String> addresses = new ArrayList<>();
            reply.body().path("devices").forEach(device -> addresses.add(device.path("address").asText()));
            final AnsweredClaim answered = new AnsweredClaim(claimId, host, reply.status(),
                    reply.body().path("reason").asText(null), addresses, sentAt, Instant.now());
            claims.add(answered);
            if (answered.granted()) {
                held.addLast(answered);
            }
        }

        /**
         * Releases a grant, sending the release again while it gets no decision; a {@code 404} right after a grant
         * (the instance asked has not read the claim's result yet) is sent again too, for a while.
         */
        private void release(final AnsweredClaim grant) throws Exception {
            final long deadline = System.nanoTime() + RELEASE_PATIENCE.toNanos();
            while (System.nanoTime() < deadline && !abandoned) {
                final Reply reply = send("DELETE", "/v1/claims/" + grant.claimId(), null);
                if (reply.status() == 200) {
                    releases.add(new AnsweredRelease(grant.claimId(), grant.host(), Instant.now()));
                    return;
                }
                if (reply.status() != 404 && !TRY_AGAIN.contains(reply.status()) && reply.status() != NO_ANSWER) {
                    throw new AssertionError("release of " + grant + " answered " + reply);
                }
                Thread.sleep(100);
            }
        }

        /** Sends a request to this client's instance, then to the others while none answers. */
        private Reply send(final String method, final String path, final String body) throws InterruptedException {
            Reply reply = null;
            for (int attempt = 0; attempt < instances.size() && (reply == null || reply.status() == NO_ANSWER);
                    attempt++) {
                reply = api.send(instances.get((index + attempt) % instances.size()), method, path, body);
                count(reply.status());
            }
            if (reply.status() == NO_ANSWER) {
                Thread.sleep(200);
            }
            return reply;
        }
    }

    /** The claims of {@code answered} by claim id. */
    static Map<String, AnsweredClaim> byClaimId(final List<AnsweredClaim> answered) {
        final Map<String, AnsweredClaim> byId = new TreeMap<>();
        answered.forEach(claim -> byId.put(claim.claimId(), claim));
        return byId;
    }
}
