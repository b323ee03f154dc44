package io.pciledger.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load from Java when {@code wrk} is not installed: one platform thread per connection, each a closed loop of
 * {@code GET}s through one shared {@link HttpClient} (HTTP/1.1, keep-alive), rotating through the plan's paths.
 * It costs more CPU per request than wrk, taken from the cores the service runs on, so it understates what the
 * service can do: the result names the tool.
 */
final class JavaHttpLoad implements LoadTool {

    @Override
    public LoadResult run(final LoadPlan plan) throws InterruptedException {
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        final List<HttpRequest> requests = plan.paths().stream()
                .map(path -> HttpRequest.newBuilder(URI.create(plan.baseUrl() + path))
                        .header("Authorization", "Bearer " + plan.token()).timeout(Duration.ofSeconds(10)).GET()
                        .build())
                .toList();
        if (!plan.warmup().isZero()) {
            load(client, requests, plan.connections(), plan.warmup(), new AtomicLong());
        }
        final AtomicLong failures = new AtomicLong();
        final long started = System.nanoTime();
        final long cpuBefore = ProcessCpu.nanos();
        final Latencies latencies = load(client, requests, plan.connections(), plan.duration(), failures);
        final double cpuSeconds = (ProcessCpu.nanos() - cpuBefore) / 1e9;
        final double seconds = (System.nanoTime() - started) / 1e9;
        return new LoadResult("Java HttpClient closed loop (" + plan.connections() + " threads)", latencies.count(),
                seconds, failures.get(), latencies.percentileMillis(50), latencies.percentileMillis(95),
                latencies.percentileMillis(99), latencies.percentileMillis(100), cpuSeconds);
    }

    private static Latencies load(final HttpClient client, final List<HttpRequest> requests, final int connections,
            final Duration duration, final AtomicLong failures) throws InterruptedException {
        final long deadline = System.nanoTime() + duration.toNanos();
        final List<Latencies> perThread = new ArrayList<>();
        final List<Thread> threads = new ArrayList<>();
        for (int index = 0; index < connections; index++) {
            final Latencies latencies = new Latencies();
            final int first = index;
            perThread.add(latencies);
            threads.add(new Thread(() -> {
                int next = first;
                while (System.nanoTime() < deadline) {
                    final HttpRequest request = requests.get(next++ % requests.size());
                    final long sent = System.nanoTime();
                    try {
                        final HttpResponse<byte[]> response = client.send(request,
                                HttpResponse.BodyHandlers.ofByteArray());
                        latencies.record(System.nanoTime() - sent);
                        if (response.statusCode() / 100 != 2) {
                            failures.incrementAndGet();
                        }
                    } catch (final java.io.IOException failed) {
                        latencies.record(System.nanoTime() - sent);
                        failures.incrementAndGet();
                    } catch (final InterruptedException interrupted) {
                        return;
                    }
                }
            }, "http-load-" + index));
        }
        threads.forEach(Thread::start);
        for (final Thread thread : threads) {
            thread.join();
        }
        return Latencies.merge(perThread);
    }
}
