package io.pciledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Clients that claim over HTTP, as a scheduler would: each a platform thread in a closed loop that
 * {@code POST}s a claim for one {@code direct} port of {@value TypicalHost#PHYSNET} (a VF) with a claim id of its
 * own and waits for the committed answer; a grant is released at once with {@code DELETE /v1/claims/{id}}, sent
 * without waiting for its answer (so releases keep devices free without slowing the claims down), by a pool of as
 * many release threads as clients. Not with {@code HttpClient.sendAsync}: it completes every response on
 * {@code CompletableFuture}'s default executor, which on 2 cores starts a thread per task (2,341 threads in 20 s,
 * and the load generator's CPU taken from the service it measures). With
 * {@code hostGiven} each claim names a random seeded host; without, the service places it on its best candidate.
 *
 * <p>Not thread-safe across phases: run one phase at a time, then {@link #awaitReleases}, then {@link #close}.
 */
final class HttpClaimClients implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServiceUnderTest service;
    private final int clients;
    private final int hosts;
    private final boolean hostGiven;
    private final String runId = Long.toString(System.currentTimeMillis(), 36);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Set<String> granted = ConcurrentHashMap.newKeySet();
    private final ConcurrentLinkedQueue<CompletableFuture<Void>> releases = new ConcurrentLinkedQueue<>();
    private final ExecutorService releasing;
    private final Latencies releaseLatencies = new Latencies();
    private final Map<String, AtomicLong> releaseFailures = new ConcurrentHashMap<>();
    private final AtomicLong claimsSent = new AtomicLong();
    private final AtomicLong grantsAnswered = new AtomicLong();
    /** Numbers claim ids across every phase: a claim id used again would be answered, not decided, again. */
    private final AtomicLong nextClaim = new AtomicLong();

    HttpClaimClients(final ServiceUnderTest service, final int clients, final int hosts, final boolean hostGiven) {
        this.service = service;
        this.clients = clients;
        this.hosts = hosts;
        this.hostGiven = hostGiven;
        final AtomicLong releaseThreads = new AtomicLong();
        this.releasing = Executors.newFixedThreadPool(clients, runnable -> {
            final Thread thread = new Thread(runnable, "http-release-" + releaseThreads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** What one phase of claiming gave. */
    record Phase(double seconds, long grants, Map<String, Long> refusals, Latencies claimLatencies,
            List<Long> grantsPerWindow) {

        static final int WINDOW_SECONDS = 10;

        double grantsPerSecond() {
            return grants / seconds;
        }

        /** Grants/s in each {@value #WINDOW_SECONDS} s of the phase: a slowdown as the hosts' states grow shows. */
        List<Long> grantsPerSecondByWindow() {
            return grantsPerWindow.stream().map(count -> Math.round(count / (double) WINDOW_SECONDS)).toList();
        }
    }

    /** Every client claims (and releases) for {@code duration}. */
    Phase run(final Duration duration) throws InterruptedException {
        final long started = System.nanoTime();
        final long deadline = started + duration.toNanos();
        final List<Latencies> latencies = new ArrayList<>();
        final Map<String, AtomicLong> refusals = new ConcurrentHashMap<>();
        final AtomicLong grants = new AtomicLong();
        final AtomicLongArray windows = new AtomicLongArray((int) (duration.toSeconds() / Phase.WINDOW_SECONDS) + 2);
        final List<Thread> threads = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            final Latencies mine = new Latencies();
            latencies.add(mine);
            final int clientIndex = client;
            threads.add(new Thread(() -> claimUntil(started, deadline, clientIndex, mine, grants, windows, refusals),
                    "http-claims-" + client));
        }
        threads.forEach(Thread::start);
        for (final Thread thread : threads) {
            thread.join();
        }
        final double seconds = (System.nanoTime() - started) / 1e9;
        final Map<String, Long> refused = new TreeMap<>();
        refusals.forEach((reason, count) -> refused.put(reason, count.get()));
        final List<Long> perWindow = new ArrayList<>();
        for (int window = 0; window < duration.toSeconds() / Phase.WINDOW_SECONDS; window++) {
            perWindow.add(windows.get(window));
        }
        return new Phase(seconds, grants.get(), refused, Latencies.merge(latencies), perWindow);
    }

    private void claimUntil(final long started, final long deadline, final int client, final Latencies latencies,
            final AtomicLong grants, final AtomicLongArray windows, final Map<String, AtomicLong> refusals) {
        final ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < deadline) {
            final String claimId = "bench-" + runId + "-" + client + "-" + nextClaim.getAndIncrement();
            final String host = hostGiven ? "\"host\": \"" + TypicalHost.name(random.nextInt(hosts)) + "\", " : "";
            final HttpRequest claim = request("/v1/claims").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"claim_id\": \"" + claimId + "\", "
                            + "\"instance\": \"vm-" + claimId + "\", " + host
                            + "\"items\": [{\"group\": \"" + TypicalHost.PHYSNET + "\", \"vnic_type\": \"direct\"}]}"))
                    .build();
            final long sent = System.nanoTime();
            claimsSent.incrementAndGet();
            try {
                final HttpResponse<String> answer = http.send(claim, HttpResponse.BodyHandlers.ofString());
                latencies.record(System.nanoTime() - sent);
                if (answer.statusCode() == 201) {
                    grantsAnswered.incrementAndGet();
                    granted.add(claimId);
                    grants.incrementAndGet();
                    windows.incrementAndGet((int) Math.min(windows.length() - 1,
                            (System.nanoTime() - started) / 1_000_000_000L / Phase.WINDOW_SECONDS));
                    release(claimId);
                } else {
                    refusals.computeIfAbsent(answer.statusCode() + " " + reason(answer.body()),
                            key -> new AtomicLong()).incrementAndGet();
                }
            } catch (final IOException failed) {
                latencies.record(System.nanoTime() - sent);
                refusals.computeIfAbsent("I/O " + failed.getClass().getSimpleName(), key -> new AtomicLong())
                        .incrementAndGet();
            } catch (final InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void release(final String claimId) {
        final long sent = System.nanoTime();
        final HttpRequest release = request("/v1/claims/" + claimId + "?reason=bench").DELETE().build();
        releases.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return http.send(release, HttpResponse.BodyHandlers.ofString());
                    } catch (final IOException failed) {
                        throw new CompletionException(failed);
                    } catch (final InterruptedException interrupted) {
                        Thread.currentThread().interrupt();
                        throw new CompletionException(interrupted);
                    }
                }, releasing)
                .handle((answer, failure) -> {
                    synchronized (releaseLatencies) {
                        releaseLatencies.record(System.nanoTime() - sent);
                    }
                    if (failure != null) {
                        releaseFailures.computeIfAbsent("I/O " + failure.getClass().getSimpleName(),
                                key -> new AtomicLong()).incrementAndGet();
                    } else if (answer.statusCode() != 200) {
                        releaseFailures.computeIfAbsent(answer.statusCode() + " " + reason(answer.body()),
                                key -> new AtomicLong()).incrementAndGet();
                    }
                    return null;
                }));
    }

    private HttpRequest.Builder request(final String path) {
        return HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
                .header("Authorization", "Bearer " + service.token()).timeout(Duration.ofSeconds(60));
    }

    private static String reason(final String body) {
        try {
            return JSON.readTree(body).path("reason").asText("?");
        } catch (final IOException notJson) {
            return "?";
        }
    }

    /** Stops the release threads; call after {@link #awaitReleases}. */
    @Override
    public void close() {
        releasing.shutdownNow();
    }

    /** Waits until every release sent has been answered. */
    void awaitReleases(final Duration timeout) throws Exception {
        CompletableFuture.allOf(releases.toArray(CompletableFuture[]::new)).get(timeout.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Every claim id the service answered with a grant, in every phase. */
    Set<String> granted() {
        return Set.copyOf(granted);
    }

    /** How many claims were answered 201, in every phase (one per claim id, unless an id was sent twice). */
    long grantsAnswered() {
        return grantsAnswered.get();
    }

    long claimsSent() {
        return claimsSent.get();
    }

    long releasesSent() {
        return releases.size();
    }

    /** Releases not answered 200, by status and reason. */
    Map<String, Long> releaseFailures() {
        final Map<String, Long> failures = new TreeMap<>();
        releaseFailures.forEach((reason, count) -> failures.put(reason, count.get()));
        return failures;
    }

    /** Response times of every release answered so far. */
    Latencies releaseLatencies() {
        synchronized (releaseLatencies) {
            return Latencies.merge(List.of(releaseLatencies));
        }
    }
}
