package io.pciledger.cli;

import io.pciledger.agent.fleet.SimulatedFleet;
import io.pciledger.agent.publish.KafkaInventoryPublisher;
import io.pciledger.agent.sysfs.HardwareProfile;
import io.pciledger.broker.EmbeddedKafkaCluster;
import io.pciledger.ledger.config.LedgerConfig;
import io.pciledger.ledger.query.LocalLedgerReads;
import io.pciledger.query.QueryService;
import io.pciledger.query.config.QueryServiceConfig;
import io.pciledger.schemas.topic.ProvisioningReport;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.TopicSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pci-ledger dev}: the whole system on one machine, on the embedded default. Starts a real single-node KRaft
 * broker in a child JVM on loopback, creates the topics, runs the ledger with its HTTP API and a simulated fleet of
 * node agents, and prints the API's address, demo tokens and {@code curl} examples. Ctrl-C or SIGTERM stops
 * everything, leaving no process behind; a second run resumes on the same data.
 */
@Command(name = "dev", mixinStandardHelpOptions = true,
        description = {"Run PCI Ledger on this machine: an embedded Kafka broker (KRaft, loopback only), every topic,",
                "the ledger with its HTTP API, and a simulated fleet of node agents.",
                "Stops cleanly on Ctrl-C or SIGTERM; a second run resumes on the same --data-dir."})
public final class DevCommand implements Callable<Integer> {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    @Spec
    private CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "pci-ledger-data",
            description = "Where the broker, the ledger and the fleet keep their data (default ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(names = "--fresh", description = "Delete the data of earlier runs first and start clean.")
    private boolean fresh;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "19092",
            description = "Loopback port of the embedded broker (default ${DEFAULT-VALUE}; 0 picks a free one).")
    private int kafkaPort;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "8080",
            description = "Loopback port of the HTTP API (default ${DEFAULT-VALUE}; 0 picks a free one).")
    private int httpPort;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "6",
            description = "Partitions of every topic (default ${DEFAULT-VALUE}).")
    private int partitions;

    @Option(names = "--hosts", paramLabel = "N", defaultValue = "20",
            description = "Hosts in the simulated fleet (default ${DEFAULT-VALUE}; 0 for none).")
    private int hosts;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "Time between a simulated host's rescans (default ${DEFAULT-VALUE}).")
    private Duration interval;

    @Override
    public Integer call() throws Exception {
        final PrintWriter out = spec.commandLine().getOut();
        final TopicSettings topicSettings = TopicSettings.forReplicationFactor(partitions, 1);
        final DevDataDir data = DevDataDir.open(dataDir, fresh, spec.commandLine());
        final CountDownLatch stop = new CountDownLatch(1);
        ShutdownSignal.onInterruptOrTerminate(stop::countDown);

        final Deque<AutoCloseable> running = new ArrayDeque<>();
        try {
            final EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.builder()
                    .nodes(1)
                    .dataDir(data.kafkaDir())
                    .brokerPort(0, kafkaPort)
                    .build();
            running.push(cluster);
            out.printf("starting an embedded Kafka broker (KRaft, data in %s) ...%n", data.root().toAbsolutePath());
            out.flush();
            cluster.start();
            final ProvisioningReport report = TopicSetup.ensure(
                    Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()), TopicNames.DEFAULT,
                    topicSettings);

            out.println("starting the ledger and its HTTP API ...");
            out.flush();
            final DemoTokens tokens = DemoTokens.ensure(data.root());
            final QueryService service = QueryService.start(serviceConfig(cluster, data, tokens), Clock.systemUTC());
            running.push(service);
            service.whenFailed().thenRun(stop::countDown);
            if (!service.awaitReady(READY_TIMEOUT)) {
                spec.commandLine().getErr().println("error: the ledger was not ready within " + READY_TIMEOUT + ": "
                        + service.readiness());
                return 1;
            }

            final Map<String, Object> clients = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    cluster.bootstrapServers());
            final KafkaInventoryPublisher publisher = new KafkaInventoryPublisher(clients, TopicNames.DEFAULT);
            running.push(publisher);
            SimulatedFleet fleet = null;
            if (hosts > 0) {
                fleet = SimulatedFleet.prepare(data.root().resolve("fleet"), hosts, HardwareProfile.TYPICAL_COMPUTE,
                        publisher, 10);
                running.push(fleet);
                final SimulatedFleet.RoundResult first = fleet.rescanAll();
                out.printf("simulated fleet: %d hosts reported %d devices%n", first.hosts(), first.snapshotDevices());
                fleet.start(interval);
            }
            final Optional<DemoExamples.DemoGpu> gpu = fleet == null ? Optional.empty() : DemoExamples.firstGpu(
                    LocalLedgerReads.of(service.streams()), fleet.hosts(), Duration.ofSeconds(60));
            printBanner(out, cluster, report, service, tokens, data, DemoExamples.lines(service.port(), tokens, gpu));
            stop.await();
            out.println("stopping the fleet, the ledger and the embedded Kafka broker ...");
            out.flush();
            return 0;
        } finally {
            while (!running.isEmpty()) {
                try {
                    running.pop().close();
                } catch (final Exception failure) {
                    spec.commandLine().getErr().println("warning: while stopping: " + failure.getMessage());
                }
            }
        }
    }

    private QueryServiceConfig serviceConfig(final EmbeddedKafkaCluster cluster, final DevDataDir data,
            final DemoTokens tokens) {
        final Map<String, Object> settings = new HashMap<>();
        settings.put(LedgerConfig.BOOTSTRAP_SERVERS, cluster.bootstrapServers());
        settings.put(LedgerConfig.APPLICATION_ID, "pci-ledger-dev");
        settings.put(LedgerConfig.STATE_DIR, data.root().resolve("ledger").toString());
        settings.put(QueryServiceConfig.HTTP_PORT, Integer.toString(httpPort));
        settings.put(QueryServiceConfig.TOKENS_FILE, tokens.file().toString());
        return new QueryServiceConfig(settings);
    }

    private static void printBanner(final PrintWriter out, final EmbeddedKafkaCluster cluster,
            final ProvisioningReport report, final QueryService service, final DemoTokens tokens,
            final DevDataDir data, final List<String> examples) {
        out.println();
        out.printf("PCI Ledger dev is running.%n");
        out.printf("  Kafka bootstrap servers: %s  (cluster id %s)%n", cluster.bootstrapServers(), cluster.clusterId());
        TopicReportPrinter.print(report, out);
        out.printf("  HTTP API: http://127.0.0.1:%d/  (OpenAPI document: /openapi.json)%n", service.port());
        out.printf("  Tokens (kept in %s): tenant '%s' %s ; admin 'ops' %s%n",
                data.root().resolve("demo-tokens.properties"), DemoTokens.TENANT, tokens.tenant(), tokens.admin());
        out.println();
        out.println("Try it (as the tenant):");
        examples.forEach(line -> out.println("  " + line));
        out.println();
        out.println("Stop with Ctrl-C (or SIGTERM): the fleet, the ledger and the broker stop, no process is left behind.");
        out.flush();
    }
}
