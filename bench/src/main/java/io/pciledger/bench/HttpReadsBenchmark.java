package io.pciledger.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bench http-reads}: {@code GET /v1/groups/{group}} (one group's counts, from the committed
 * {@code pci.group-counts} every instance holds in memory) under closed-loop load on loopback. The groups are
 * those of 100 {@link TypicalHost}s reported through the ledger; the requests rotate over the four of them.
 * With {@code --read hosts}, {@code GET /v1/hosts/{host}} instead (a host's pools, an interactive query of the
 * ledger's store), rotating over every reported host; its result is {@code http-reads-hosts}.
 * Target (issue 5, set for group reads; host reads are held to the same): at least 20,000 requests/s with p99 at
 * most 5 ms.
 */
@Command(name = "http-reads", mixinStandardHelpOptions = true,
        description = "GET /v1/groups/{group} (or --read hosts: GET /v1/hosts/{host}) under load on loopback: "
                + "requests/s and p50/p95/p99.")
public final class HttpReadsBenchmark implements Callable<Integer> {

    static final double TARGET_REQUESTS_PER_S = 20_000;
    static final double TARGET_P99_MS = 5;

    @ParentCommand
    private BenchCommand bench;

    @Mixin
    private HttpBenchOptions options;

    @Option(names = "--read", defaultValue = "groups",
            description = "groups: GET /v1/groups/{group}, 4 groups in turn; hosts: GET /v1/hosts/{host}, every "
                    + "reported host in turn, written as http-reads-hosts (default ${DEFAULT-VALUE}).")
    private String read;

    @Option(names = "--hosts", defaultValue = "100", description = "Hosts reported (default ${DEFAULT-VALUE}).")
    private int hosts;

    @Option(names = "--connections", defaultValue = "16",
            description = "Concurrent keep-alive connections (default ${DEFAULT-VALUE}).")
    private int connections;

    @Option(names = "--warmup-s", defaultValue = "10", description = "Unmeasured load first (default ${DEFAULT-VALUE}).")
    private int warmupSeconds;

    @Option(names = "--duration-s", defaultValue = "30", description = "Measured load (default ${DEFAULT-VALUE}).")
    private int durationSeconds;

    @Override
    public Integer call() throws Exception {
        if (options.quick) {
            hosts = 10;
            warmupSeconds = 1;
            durationSeconds = 3;
        }
        if (!read.equals("groups") && !read.equals("hosts")) {
            throw new IllegalArgumentException("--read must be groups or hosts, was " + read);
        }
        final LoadTool tool = LoadTool.choose(options.loadTool);
        try (BenchKafka kafka = BenchKafka.connect(options.bootstrapServers);
             ServiceUnderTest service = ServiceUnderTest.prepare(kafka, "http-reads", options.partitions)) {
            service.start(options.commitIntervalMs, options.httpThreads);
            InventoryReports.reportTypicalHosts(service.clientProperties(), service.names(), hosts);
            final int expectedPhysnet = hosts * (TypicalHost.DEVICES - 12);
            ApiProbe.awaitAnswer(service, "/v1/groups/" + TypicalHost.PHYSNET,
                    group -> group.path("total").asInt() == expectedPhysnet, Duration.ofMinutes(3),
                    hosts + " hosts' " + TypicalHost.PHYSNET + " devices counted");
            final List<String> paths = read.equals("hosts")
                    ? IntStream.range(0, hosts).mapToObj(host -> "/v1/hosts/" + TypicalHost.name(host)).toList()
                    : List.of(TypicalHost.GPU_A100, TypicalHost.GPU_H100, TypicalHost.NVME, TypicalHost.PHYSNET)
                            .stream().map(group -> "/v1/groups/" + group).toList();
            final double loadBefore = HttpBenchOptions.loadAverage();
            final LoadResult load = tool.run(new LoadPlan(service.baseUrl(), paths, service.token(), connections,
                    Math.min(options.wrkThreads, connections), Duration.ofSeconds(warmupSeconds),
                    Duration.ofSeconds(durationSeconds)));
            final Map<String, Object> figures = HttpFigures.of(kafka, load, read.equals("hosts")
                    ? "GET /v1/hosts/{host}, " + hosts + " reported hosts in turn"
                    : "GET /v1/groups/{group}, 4 groups in turn, " + hosts + " hosts reported", loadBefore);
            figures.put("http_threads", options.httpThreadsFigure());
            figures.put("runs", HttpFigures.runs(warmupSeconds, durationSeconds));
            final BenchmarkResult result = new BenchmarkResult(read.equals("hosts") ? "http-reads-hosts"
                    : "http-reads", figures,
                    "requests/s >= " + (int) TARGET_REQUESTS_PER_S + " and p99 <= " + (int) TARGET_P99_MS
                            + " ms, no failed request",
                    load.requestsPerSecond() >= TARGET_REQUESTS_PER_S && load.p99Ms() <= TARGET_P99_MS
                            && load.failures() == 0);
            ResultsWriter.write(result, bench.resultsFolder(), bench.out());
            return load.failures() == 0 ? 0 : 1;
        }
    }
}
