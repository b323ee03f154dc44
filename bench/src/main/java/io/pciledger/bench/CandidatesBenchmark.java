package io.pciledger.bench;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bench http-candidates}: {@code GET /v1/candidates} over a fleet of 10,000 {@link TypicalHost}s
 * (64 devices each, in 8 pools), under closed-loop load on loopback. The fleet's pools are written to
 * {@code pci.host-pools} directly ({@link HostPoolsSeeder}) before the service starts, so it holds them all when
 * it is ready; candidates are computed from that table alone. The requests rotate over five typical scheduler
 * questions (a GPU, two GPUs on NUMA node 0, an SR-IOV port, a drive with two ports, Nova's alias form).
 * Target (issue 5): p99 at most 20 ms.
 */
@Command(name = "http-candidates", mixinStandardHelpOptions = true,
        description = "GET /v1/candidates over 10,000 hosts x 64 devices under load on loopback: requests/s and p50/p95/p99.")
public final class CandidatesBenchmark implements Callable<Integer> {

    static final double TARGET_P99_MS = 20;
    static final List<String> QUESTIONS = List.of(
            "/v1/candidates?item=" + TypicalHost.GPU_A100 + ":1",
            "/v1/candidates?item=" + TypicalHost.GPU_H100 + ":2&numa_node=0&numa_policy=required",
            "/v1/candidates?port=direct:" + TypicalHost.PHYSNET,
            "/v1/candidates?item=" + TypicalHost.NVME + ":1&port=direct:" + TypicalHost.PHYSNET
                    + "&port=direct:" + TypicalHost.PHYSNET,
            "/v1/candidates?alias=" + TypicalHost.GPU_A100 + ":4");

    @ParentCommand
    private BenchCommand bench;

    @Mixin
    private HttpBenchOptions options;

    @Option(names = "--hosts", defaultValue = "10000", description = "Hosts in the fleet (default ${DEFAULT-VALUE}).")
    private int hosts;

    @Option(names = "--connections", defaultValue = "4",
            description = "Concurrent keep-alive connections (default ${DEFAULT-VALUE}).")
    private int connections;

    @Option(names = "--warmup-s", defaultValue = "10", description = "Unmeasured load first (default ${DEFAULT-VALUE}).")
    private int warmupSeconds;

    @Option(names = "--duration-s", defaultValue = "30", description = "Measured load (default ${DEFAULT-VALUE}).")
    private int durationSeconds;

    @Override
    public Integer call() throws Exception {
        if (options.quick) {
            hosts = 500;
            warmupSeconds = 1;
            durationSeconds = 3;
        }
        final LoadTool tool = LoadTool.choose(options.loadTool);
        try (BenchKafka kafka = BenchKafka.connect(options.bootstrapServers);
             ServiceUnderTest service = ServiceUnderTest.prepare(kafka, "http-candidates", options.partitions)) {
            final long seedStarted = System.nanoTime();
            final int stale = HostPoolsSeeder.seed(service.clientProperties(), service.names(), hosts);
            final double seedSeconds = (System.nanoTime() - seedStarted) / 1e9;
            service.start(options.commitIntervalMs, options.httpThreads);
            ApiProbe.awaitAnswer(service, "/v1/hosts", answer -> answer.path("hosts").size() == hosts,
                    Duration.ofMinutes(2), "every seeded host");
            final double loadBefore = HttpBenchOptions.loadAverage();
            final LoadResult load = tool.run(new LoadPlan(service.baseUrl(), QUESTIONS, service.token(),
                    connections, Math.min(options.wrkThreads, connections), Duration.ofSeconds(warmupSeconds),
                    Duration.ofSeconds(durationSeconds)));
            final var figures = HttpFigures.of(kafka, load, "GET /v1/candidates, " + QUESTIONS.size()
                    + " questions in turn, default limit", loadBefore);
            figures.put("hosts", hosts + " x " + TypicalHost.DEVICES + " devices (" + stale + " stale)");
            figures.put("pools_seeded_s (set-up)", AgentScanBenchmark.round(seedSeconds));
            figures.put("http_threads", options.httpThreadsFigure());
            figures.put("runs", HttpFigures.runs(warmupSeconds, durationSeconds));
            final BenchmarkResult result = new BenchmarkResult("http-candidates", figures,
                    "p99 <= " + (int) TARGET_P99_MS + " ms, no failed request",
                    load.p99Ms() <= TARGET_P99_MS && load.failures() == 0);
            ResultsWriter.write(result, bench.resultsFolder(), bench.out());
            return load.failures() == 0 ? 0 : 1;
        }
    }
}
