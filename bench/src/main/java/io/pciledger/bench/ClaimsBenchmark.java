package io.pciledger.bench;

import io.pciledger.agent.fleet.SimulatedFleet;
import io.pciledger.ledger.audit.CommittedLedger;
import io.pciledger.ledger.audit.LedgerAudit;
import io.pciledger.ledger.avro.GroupRegistrations;
import io.pciledger.ledger.domain.GroupRegistration;
import io.pciledger.ledger.domain.RejectReason;
import io.pciledger.ledger.topology.LedgerTopology;
import io.pciledger.schemas.common.DevType;
import io.pciledger.schemas.common.Device;
import io.pciledger.schemas.inventory.HostSnapshot;
import io.pciledger.schemas.inventory.InventoryFact;
import io.pciledger.schemas.inventory.SnapshotReason;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.Topics;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code bench claims}: how many claims per second the ledger decides, each answered by its committed result, the
 * way the query service will submit them. Target (issue 4): at least 2,000 granted claims/s, and not one device
 * granted twice.
 *
 * <p>Set-up: a fresh ledger over fresh topics; the demo groups and {@code --registered-groups} private groups of
 * other tenants registered on {@code pci.groups}; {@code --hosts} hosts seeded with a start-up snapshot each (devices
 * from the agent's own scan, {@link DeviceTemplates}), folded and committed before the clock starts.
 *
 * <p>Then {@code --clients} {@link ClaimClient}s run in parallel, each in a closed loop (claim, await the committed
 * result, release if granted, claim again): a warm-up batch, then {@code --runs} timed batches of {@code --claims}
 * claims. Rate = granted claims / batch time; latency = send to committed result, per claim. Afterwards every
 * release must have been answered, and {@code pci.ledger}, read committed, must pass the {@link LedgerAudit} and
 * hold exactly the grants the clients were told of.
 */
@Command(name = "claims", mixinStandardHelpOptions = true,
        description = "Claims decided per second by the ledger, each answered from its committed result, with "
                + "concurrent clients; then a check of pci.ledger that no device was granted twice.")
public final class ClaimsBenchmark implements Callable<Integer> {

    static final double TARGET_PER_SECOND = 2_000;
    private static final int HARDWARE_VARIANTS = 16;
    private static final List<String> DEMO_GROUPS = List.of("physnet1", "physnet2", "gpu-a100", "nvme");

    @ParentCommand
    private BenchCommand bench;

    @Mixin
    private LedgerBenchOptions options;

    @Mixin
    private ClaimLoadOptions load;

    @Option(names = "--registered-groups",
            description = "Private groups of other tenants registered on pci.groups besides the demo groups "
                    + "(default 100; 10 with --quick).")
    private Integer registeredGroups;

    @Override
    public Integer call() throws Exception {
        final ClaimLoadOptions.Sizes sizes = load.sizes(options);
        final int hostCount = sizes.hosts();
        final int clientCount = sizes.clients();
        final int claimsPerRun = sizes.claimsPerRun();
        final int measuredRuns = sizes.runs();
        final int warmup = sizes.warmupClaims();
        final int privateGroups = options.sized(registeredGroups, 10, 100);
        options.requireNotNegative("--registered-groups", privateGroups);
        final Map<String, Object> ledgerSettings = options.ledgerSettings();
        final PrintWriter out = bench.out();
        final List<String> hostNames = SimulatedFleet.hostNames(hostCount);
        final DeviceTemplates templates = DeviceTemplates.scan(HARDWARE_VARIANTS);
        final List<EncodedFact> snapshots = snapshots(hostNames, templates);
        final int devices = IntStream.range(0, hostCount).map(host -> templates.devicesOf(host).size()).sum();
        // Kept claims go to random hosts, a group's VF in turn. Each host is asked, on average, for at most half of
        // the fewest VFs of a group its hardware variants have: room for the uneven spread of random picks. A host
        // that runs out all the same shows as refusals.
        final long fewestVfs = IntStream.range(0, Math.min(hostCount, HARDWARE_VARIANTS))
                .mapToLong(variant -> fewestVfsOfAGroup(templates.devicesOf(variant))).min().orElse(0);
        options.require(sizes.releases() || fewestVfs > 0, "--keep-grants: some hosts have no VFs of one of "
                + ClaimClient.GROUPS + ", so kept claims would be refused there");
        options.require(sizes.releases() || sizes.allClaims() <= fewestVfs * hostCount, String.format(Locale.ROOT,
                "--keep-grants: %,d claims over %,d hosts, some of which have only %,d VFs of one of %s; give at "
                        + "least %,d --hosts", sizes.allClaims(), hostCount, fewestVfs, ClaimClient.GROUPS,
                (sizes.allClaims() + fewestVfs - 1) / Math.max(1, fewestVfs)));

        final String runId = "bench-claims-" + System.currentTimeMillis();
        final Path stateDir = ScratchSpace.create("claims-state");
        try (BenchKafka kafka = BenchKafka.connect(options.bootstrapServers);
                Admin admin = Admin.create(kafka.clientProperties())) {
            try {
                final TopicNames names = RunTopics.provision(admin, runId + ".", options.partitions);
                registerGroups(kafka.clientProperties(), names.of(Topics.GROUPS), privateGroups);
                ProduceAll.send(kafka.clientProperties(), names.of(Topics.INVENTORY), snapshots);
                final CommittedInput seeded = new CommittedInput(admin, runId,
                        RunTopics.endOffsets(admin, names.of(Topics.INVENTORY)));
                try (BenchStreams ledger = BenchStreams.ledger(kafka.bootstrapServers(), names, runId, stateDir,
                        ledgerSettings)) {
                    ledger.awaitRunning(Duration.ofMinutes(2));
                    awaitSeeded(ledger, seeded);
                    out.printf("claims: %,d hosts seeded with %,d devices; %d clients%n", hostCount, devices,
                            clientCount);
                    out.flush();

                    final List<Long> stateBytesRuns = new ArrayList<>();
                    final ClaimBatches.BatchProbe hostStateWritten = new ClaimBatches.BatchProbe() {
                        private long before;

                        @Override
                        public void before() throws Exception {
                            before = hostStateBytes(admin, runId);
                        }

                        @Override
                        public String after(final int claims, final boolean warmingUp) throws Exception {
                            // A released claim is two commands: the claim and its release (answered by the next
                            // batch).
                            final long perCommand = (hostStateBytes(admin, runId) - before)
                                    / ((long) sizes.commandsPerGrant() * claims);
                            if (!warmingUp) {
                                stateBytesRuns.add(perCommand);
                            }
                            return String.format(Locale.ROOT, "; host state written per command %,d bytes",
                                    perCommand);
                        }
                    };
                    final ClaimBatches.Measured batches;
                    try (CommandChannel channel = new CommandChannel(kafka.clientProperties(), names)) {
                        batches = ClaimBatches.run(channel, ledger, hostNames, sizes, out, hostStateWritten);
                    }
                    final ClaimTally all = batches.all();
                    final ClaimTally measured = batches.measured();
                    final Samples rates = batches.rateSamples();
                    final LedgerAudit audit = CommittedLedger.audit(kafka.clientProperties(), names,
                            Duration.ofMinutes(5));
                    final List<String> problems = new ArrayList<>(audit.violations());
                    final Set<String> told = new HashSet<>(all.grantedClaims());
                    if (!told.equals(audit.grantedClaims())) {
                        problems.add(told.size() + " claims granted to clients, " + audit.grantedClaims().size()
                                + " on pci.ledger, and not the same ones");
                    }
                    final Samples latencies = batches.latencies();
                    final BenchmarkResult result = new BenchmarkResult("claims", BenchmarkResult.figures(
                            "kafka", kafka.describe(),
                            "partitions", options.partitions,
                            "stream_threads", options.effectiveStreamThreads(),
                            "commit_interval_ms", options.effectiveCommitIntervalMs(),
                            "hosts", hostCount,
                            "devices_seeded", devices,
                            "registered_groups", DEMO_GROUPS.size() + privateGroups,
                            "clients", clientCount + " (closed loop, one claim in flight each)",
                            "request", "1 direct port (a VF) of physnet1 or physnet2 on a random host; "
                                    + sizes.afterGrant(),
                            "runs", measuredRuns + " x " + claimsPerRun + " claims after " + warmup + " warm-up",
                            "granted_claims_per_s_median", Math.round(rates.median()),
                            "granted_claims_per_s_runs", batches.roundedRates(),
                            "rejected", rejectedText(measured.rejected()),
                            "latency_p50_ms", AgentScanBenchmark.round(latencies.median()),
                            "latency_p95_ms", AgentScanBenchmark.round(latencies.percentile(95)),
                            "latency_p99_ms", AgentScanBenchmark.round(latencies.percentile(99)),
                            "releases_answered", all.releases().size(),
                            "latency_by_stage_ms", batches.stages(),
                            "ledger_time_in_measured_runs", batches.spent().figures(),
                            // A grant is two commands (the claim and its release) or, kept, one; a refusal one.
                            "stream_thread_cpu_us_per_command", batches.streamThreadCpuMicrosPerCommand(),
                            "host_state_bytes_written_per_command_runs", stateBytesRuns,
                            "ledger_audit", problems.isEmpty()
                                    ? String.format(Locale.ROOT, "%,d records: %,d grants, as the clients were told;"
                                            + " no device granted twice; sequences gap-free", audit.records(),
                                            audit.grantedClaims().size())
                                    : String.join("; ", problems.subList(0, Math.min(5, problems.size())))),
                            String.format(Locale.ROOT, ">= %,d granted claims/s, results committed; no device granted "
                                    + "twice", (int) TARGET_PER_SECOND),
                            rates.median() >= TARGET_PER_SECOND && problems.isEmpty());
                    ResultsWriter.write(result, bench.resultsFolder(), out);
                    return problems.isEmpty() ? 0 : 1;
                }
            } finally {
                RunTopics.deleteAll(admin, runId);
                RunTopics.deleteGroup(admin, runId);
            }
        } finally {
            DeleteTree.quietly(stateDir);
        }
    }

    /** The VFs of the group, of those clients ask for, that {@code devices} have the fewest of. */
    private static long fewestVfsOfAGroup(final List<Device> devices) {
        return ClaimClient.GROUPS.stream()
                .mapToLong(group -> devices.stream()
                        .filter(device -> device.getDevType() == DevType.TYPE_VF && group.equals(device.getGroup()))
                        .count())
                .min().orElse(0);
    }

    /** A start-up snapshot per host, as its agent would send first. */
    private static List<EncodedFact> snapshots(final List<String> hostNames, final DeviceTemplates templates) {
        final List<EncodedFact> facts = new ArrayList<>();
        for (int i = 0; i < hostNames.size(); i++) {
            final String host = hostNames.get(i);
            facts.add(EncodedFact.of(new InventoryFact(host + "/snapshot", host, Instant.now(), null,
                    new HostSnapshot(templates.devicesOf(i), SnapshotReason.STARTUP))));
        }
        return facts;
    }

    /** The demo groups, public, and {@code privateGroups} private groups of other tenants. */
    private static void registerGroups(final Map<String, Object> clientProperties, final String topic,
            final int privateGroups) throws Exception {
        final List<GroupRegistration> registrations = new ArrayList<>();
        DEMO_GROUPS.forEach(group -> registrations.add(GroupRegistration.publicGroup(group, "ops")));
        for (int i = 1; i <= privateGroups; i++) {
            registrations.add(GroupRegistration.privateGroup(String.format(Locale.ROOT, "private-%03d", i),
                    String.format(Locale.ROOT, "tenant-%03d", i)));
        }
        final Map<String, Object> config = new HashMap<>(clientProperties);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, io.pciledger.schemas.group.GroupRegistration> producer = new KafkaProducer<>(
                config, new StringSerializer(), Topics.GROUPS.valueSerde().serializer())) {
            final List<Future<?>> sent = new ArrayList<>();
            for (final GroupRegistration registration : registrations) {
                sent.add(producer.send(new ProducerRecord<>(topic, registration.group(),
                        GroupRegistrations.toAvro(registration, Instant.now(), "bench"))));
            }
            for (final Future<?> future : sent) {
                future.get();
            }
        }
    }

    private static void awaitSeeded(final BenchStreams ledger, final CommittedInput seeded) throws Exception {
        final long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (!seeded.reached()) {
            ledger.checkAlive();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the ledger did not fold the seed snapshots within 2 minutes");
            }
            Thread.sleep(50);
        }
    }

    /**
     * What the ledger's {@code host-ledgers} changelog holds: every write of a host's whole state goes there, so its
     * growth per command is the size of the state the command's host had.
     */
    private static long hostStateBytes(final Admin admin, final String runId) throws Exception {
        return RunTopics.bytesOnDisk(admin, runId).getOrDefault(LedgerTopology.HOST_LEDGERS_STORE + "-changelog", 0L);
    }

    private static String rejectedText(final Map<RejectReason, Integer> rejected) {
        return rejected.isEmpty() ? "none" : rejected.toString();
    }
}
