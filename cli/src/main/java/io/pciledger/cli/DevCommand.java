package io.pciledger.cli;

import io.pciledger.broker.EmbeddedKafkaCluster;
import io.pciledger.schemas.topic.ProvisioningReport;
import io.pciledger.schemas.topic.TopicNames;
import io.pciledger.schemas.topic.TopicSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code pci-ledger dev}: everything on one machine, on the embedded default. Starts a real
 * single-node KRaft broker in a child JVM on loopback, creates the topics, and runs until Ctrl-C
 * or SIGTERM, which stops the broker and leaves no process behind. A second run resumes on the
 * same data.
 */
@Command(name = "dev", mixinStandardHelpOptions = true,
        description = {"Run PCI Ledger on this machine: an embedded Kafka broker (KRaft, loopback only) and every topic.",
                "Stops cleanly on Ctrl-C or SIGTERM; a second run resumes on the same --data-dir."})
public final class DevCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "pci-ledger-data",
            description = "Where the broker keeps its data (default ${DEFAULT-VALUE}).")
    private Path dataDir;

    @Option(names = "--fresh", description = "Delete the data of earlier runs first and start clean.")
    private boolean fresh;

    @Option(names = "--kafka-port", paramLabel = "PORT", defaultValue = "19092",
            description = "Loopback port of the embedded broker (default ${DEFAULT-VALUE}; 0 picks a free one).")
    private int kafkaPort;

    @Option(names = "--partitions", paramLabel = "N", defaultValue = "6",
            description = "Partitions of every topic (default ${DEFAULT-VALUE}).")
    private int partitions;

    @Override
    public Integer call() throws Exception {
        final PrintWriter out = spec.commandLine().getOut();
        final TopicSettings topicSettings = TopicSettings.forReplicationFactor(partitions, 1);
        final DevDataDir data = DevDataDir.open(dataDir, fresh, spec.commandLine());

        final EmbeddedKafkaCluster cluster = EmbeddedKafkaCluster.builder()
                .nodes(1)
                .dataDir(data.kafkaDir())
                .brokerPort(0, kafkaPort)
                .build();
        final CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("stopping the embedded Kafka broker ...");
            out.flush();
            cluster.close();
            stopped.countDown();
        }, "pci-ledger-dev-shutdown"));

        out.printf("starting an embedded Kafka broker (KRaft, data in %s) ...%n", data.root().toAbsolutePath());
        out.flush();
        cluster.start();
        final ProvisioningReport report = TopicSetup.ensure(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, cluster.bootstrapServers()), TopicNames.DEFAULT, topicSettings);
        printBanner(out, cluster, report);
        stopped.await();
        return 0;
    }

    private static void printBanner(final PrintWriter out, final EmbeddedKafkaCluster cluster,
                                    final ProvisioningReport report) {
        out.println();
        out.printf("PCI Ledger dev is running.%n");
        out.printf("  Kafka bootstrap servers: %s  (cluster id %s)%n", cluster.bootstrapServers(), cluster.clusterId());
        TopicReportPrinter.print(report, out);
        out.println();
        out.println("Not running yet: the ledger, the HTTP API and the simulated fleet (later issues).");
        out.printf("Point other tools at it, e.g.: bin/pci-ledger topics --bootstrap-servers %s%n", cluster.bootstrapServers());
        out.println("Stop with Ctrl-C (or SIGTERM); the broker stops with it and no process is left behind.");
        out.flush();
    }
}
