package io.pciledger.bench;

import io.pciledger.ledger.audit.CommittedLedger;
import io.pciledger.ledger.audit.LedgerAudit;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bench http-claims}: claims over the HTTP API ({@code POST /v1/claims}, answered from the ledger's
 * committed result) by 16 closed-loop clients ({@link HttpClaimClients}) on 100 {@link TypicalHost}s reported
 * through the ledger, each grant released as it comes. By default no host is given and the service places each
 * claim on its best candidate; {@code --host-given} names a random host instead. Afterwards all of
 * {@code pci.ledger} is read committed and checked ({@link LedgerAudit}): no device granted twice, no claim
 * id granted twice, and the grants on the ledger are exactly those the clients were answered with.
 * Target (issue 5): at least 1,000 granted claims/s with p99 at most 100 ms, no device granted twice.
 */
@Command(name = "http-claims", mixinStandardHelpOptions = true,
        description = "POST /v1/claims by 16 clients on 100 hosts, releasing as they go: granted/s, p50/p95/p99, ledger audit.")
public final class HttpClaimsBenchmark implements Callable<Integer> {

    static final double TARGET_GRANTS_PER_S = 1_000;
    static final double TARGET_P99_MS = 100;

    @ParentCommand
    private BenchCommand bench;

    @Mixin
    private HttpBenchOptions options;

    @Option(names = "--hosts", defaultValue = "100", description = "Hosts reported (default ${DEFAULT-VALUE}).")
    private int hosts;

    @Option(names = "--clients", defaultValue = "16", description = "Concurrent clients (default ${DEFAULT-VALUE}).")
    private int clients;

    @Option(names = "--host-given",
            description = "Each claim names a random host (default: no host, the service places the claim).")
    private boolean hostGiven;

    /**
     * Long, because the service, the ledger and the broker compile their claim paths for the first minute or so:
     * 40 s in, the JIT still took 0.8 of the machine's 2 cores, and claims ran at half their later rate.
     */
    @Option(names = "--warmup-s", defaultValue = "60",
            description = "Unmeasured claiming first, while the JIT compiles (default ${DEFAULT-VALUE}).")
    private int warmupSeconds;

    @Option(names = "--duration-s", defaultValue = "60", description = "Measured claiming (default ${DEFAULT-VALUE}).")
    private int durationSeconds;

    @Override
    public Integer call() throws Exception {
        if (options.quick) {
            hosts = 10;
            warmupSeconds = 1;
            durationSeconds = 3;
        }
        try (BenchKafka kafka = BenchKafka.connect(options.bootstrapServers);
             ServiceUnderTest service = ServiceUnderTest.prepare(kafka, "http-claims", options.partitions)) {
            service.start(options.commitIntervalMs, options.httpThreads);
            InventoryReports.reportTypicalHosts(service.clientProperties(), service.names(), hosts);
            ApiProbe.awaitAnswer(service, "/v1/candidates?port=direct:" + TypicalHost.PHYSNET + "&limit=10000",
                    answer -> answer.path("candidates").size() == hosts, Duration.ofMinutes(3),
                    "every reported host as a candidate for a VF");

            final HttpClaimClients claimClients = new HttpClaimClients(service, clients, hosts, hostGiven);
            final HttpClaimClients.Phase warmup = claimClients.run(Duration.ofSeconds(warmupSeconds));
            final double loadBefore = HttpBenchOptions.loadAverage();
            final long cpuBefore = ProcessCpu.nanos();
            final HttpClaimClients.Phase measured = claimClients.run(Duration.ofSeconds(durationSeconds));
            final double cpuSeconds = (ProcessCpu.nanos() - cpuBefore) / 1e9;
            final double loadAfter = HttpBenchOptions.loadAverage();
            try (claimClients) {
                claimClients.awaitReleases(Duration.ofMinutes(2));
            }

            final LedgerAudit history = CommittedLedger.audit(service.clientProperties(), service.names(),
                    Duration.ofMinutes(5));
            final List<String> findings = auditFindings(history, claimClients.granted(), claimClients.grantsAnswered());
            final Latencies claims = measured.claimLatencies();
            final Latencies releases = claimClients.releaseLatencies();
            final Map<String, Object> figures = BenchmarkResult.figures(
                    "kafka", kafka.describe(),
                    "requests", "POST /v1/claims, one direct port (a VF) each, "
                            + (hostGiven ? "a random host given" : "no host given (the service places it)")
                            + ", " + clients + " clients, " + hosts + " hosts; each grant released at once",
                    "load_tool", "Java HttpClient closed loop (" + clients + " threads), releases sent async",
                    "ledger_commit_interval_ms", options.commitIntervalMs == null ? "ledger default"
                            : options.commitIntervalMs,
                    "http_threads", options.httpThreadsFigure(),
                    "runs", HttpFigures.runs(warmupSeconds, durationSeconds),
                    "measured_s", AgentScanBenchmark.round(measured.seconds()),
                    "claims_answered", claims.count(),
                    "granted_in_warmup", warmup.grants(),
                    "granted", measured.grants(),
                    "refused", measured.refusals(),
                    "granted_per_s", Math.round(measured.grantsPerSecond()),
                    "granted_per_s_by_10s_window", measured.grantsPerSecondByWindow(),
                    "claim_latency_p50_ms", HttpFigures.round2(claims.percentileMillis(50)),
                    "claim_latency_p95_ms", HttpFigures.round2(claims.percentileMillis(95)),
                    "claim_latency_p99_ms", HttpFigures.round2(claims.percentileMillis(99)),
                    "claim_latency_max_ms", HttpFigures.round2(claims.percentileMillis(100)),
                    "release_latency_p50_ms", HttpFigures.round2(releases.percentileMillis(50)),
                    "release_latency_p99_ms", HttpFigures.round2(releases.percentileMillis(99)),
                    "releases_sent", claimClients.releasesSent(),
                    "releases_failed", claimClients.releaseFailures(),
                    "jvm_cpu_us_per_grant (service, ledger and clients; not the broker)",
                    Math.round(cpuSeconds * 1e6 / Math.max(1, measured.grants())),
                    "host_state_json_at_end (median / max)",
                    HostStateSizes.describe(service.clientProperties(), service.applicationId()),
                    "ledger_records_audited", history.records(),
                    "ledger_audit", findings.isEmpty() ? "sound: no device or claim id granted twice, grants match"
                            : findings,
                    "machine_load_average_before", loadBefore,
                    "machine_load_average_after", loadAfter);
            // A failed release leaves a device claimed, which the audit does not count against the ledger.
            final boolean sound = findings.isEmpty();
            final BenchmarkResult result = new BenchmarkResult("http-claims" + (hostGiven ? "-host-given" : ""),
                    figures, "granted/s >= " + (int) TARGET_GRANTS_PER_S + ", p99 <= " + (int) TARGET_P99_MS
                            + " ms, no device granted twice",
                    sound && measured.grantsPerSecond() >= TARGET_GRANTS_PER_S
                            && claims.percentileMillis(99) <= TARGET_P99_MS);
            ResultsWriter.write(result, bench.resultsFolder(), bench.out());
            return sound ? 0 : 1;
        }
    }

    /**
     * What the ledger's history says went wrong, including grants the clients and the ledger disagree on, and claim
     * ids the clients used twice (which would make the figures count answers that decided nothing).
     */
    static List<String> auditFindings(final LedgerAudit history, final Set<String> answeredGranted,
            final long grantsAnswered) {
        final List<String> findings = new java.util.ArrayList<>(history.violations().stream().limit(20).toList());
        if (grantsAnswered != answeredGranted.size()) {
            findings.add(grantsAnswered + " grants answered for " + answeredGranted.size()
                    + " claim ids: a claim id was sent twice (a repeat is answered from its first decision,"
                    + " or, naming another host, decided there again)");
        }
        final Set<String> onLedger = history.grantedClaims();
        final Set<String> notOnLedger = new HashSet<>(answeredGranted);
        notOnLedger.removeAll(onLedger);
        final Set<String> notAnswered = new HashSet<>(onLedger);
        notAnswered.removeAll(answeredGranted);
        if (!notOnLedger.isEmpty()) {
            findings.add(notOnLedger.size() + " claims answered 201 but not granted on the ledger, e.g. "
                    + notOnLedger.iterator().next());
        }
        if (!notAnswered.isEmpty()) {
            findings.add(notAnswered.size() + " claims granted on the ledger but not answered 201, e.g. "
                    + notAnswered.iterator().next());
        }
        return findings;
    }
}
